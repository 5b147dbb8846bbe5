import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { findApiToken } from "./find-api-token";
import { liveApiTokenWhere } from "./live-api-token-where";

/** The token revoked, as it was read (with its owner). */
export type RevokedApiToken = Awaited<ReturnType<typeof findApiToken>>;

/**
 * Revokes a live API token: the row stays, REVOKED, for the System Log's sake; from then on the
 * token no longer authenticates and is neither listed nor found. A token that is not live
 * (revoked, expired, unknown, or revoked concurrently): E0000007.
 */
export async function revokeApiToken(db: Db, input: { id: string; now: Date }, record: RecordChange<RevokedApiToken>): Promise<void> {
  const { now } = input;
  const token = await findApiToken(db, input.id, now);
  const revoked = await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, ...liveApiTokenWhere(now) }, data: { status: "REVOKED", lastUpdated: now } });
    if (count === 0) return false;
    await record(tx, token);
    return true;
  });
  if (!revoked) await findApiToken(db, token.id, now); // revoked concurrently: 404
}
