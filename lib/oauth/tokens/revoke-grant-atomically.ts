import type { Db } from "../../db/create-db-client";
import { revokeGrant } from "./revoke-grant";

/**
 * revokeGrant in a transaction of its own (the family's lock, the sweep and the access-token
 * marker commit together): a refresh token revoked by its client or reused outside its grace
 * (RFC 9700 4.14.2), a replayed authorization code (RFC 6749 4.1.2). Returns how many refresh
 * tokens it revoked.
 */
export async function revokeGrantAtomically(db: Db, authServerId: string, grantId: string, now: Date): Promise<number> {
  return db.$transaction((tx) => revokeGrant(tx, authServerId, grantId, now));
}
