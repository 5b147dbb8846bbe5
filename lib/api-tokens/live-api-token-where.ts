import type { Prisma } from "../db/generated/sqlite/client";

/** Tokens that still authenticate: ACTIVE and not past their expiry. Revoked and expired ones are gone from the API. */
export function liveApiTokenWhere(now: Date): Prisma.ApiTokenWhereInput {
  return { status: "ACTIVE", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
