import type { Prisma } from "../../db/generated/sqlite/client";

/**
 * Refresh tokens that still work at `now`: ACTIVE (not rotated, not revoked), used within their
 * sliding window, and before the absolute end of their family.
 */
export function liveRefreshTokenWhere(authServerId: string, now: Date, clientId?: string) {
  return {
    authServerId,
    ...(clientId === undefined ? {} : { clientId }),
    status: "ACTIVE",
    windowEndsAt: { gt: now },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  } satisfies Prisma.RefreshTokenWhereInput;
}
