import type { Prisma } from "../../db/generated/sqlite/client";

/**
 * Refresh tokens that still work at `now`: ACTIVE (not rotated, not revoked), used within their
 * sliding window, and of a family of this server (and client) before its absolute end.
 */
export function liveRefreshTokenWhere(authServerId: string, now: Date, clientId?: string) {
  return {
    status: "ACTIVE",
    windowEndsAt: { gt: now },
    family: {
      authServerId,
      ...(clientId === undefined ? {} : { clientId }),
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
  } satisfies Prisma.RefreshTokenWhereInput;
}
