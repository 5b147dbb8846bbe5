import type { DbTx } from "../../db/create-db-client";
import { revokeGrantsWhere } from "./revoke-grant";

/**
 * Everything a client, a user, or a user at one client holds from the token service: every grant
 * (revokeGrantsWhere: each whole, under its family's lock, with every access token minted from it)
 * and every authorization code not yet exchanged. The implicit revocations (app deactivated, changed
 * or deleted; user deactivated, suspended or deleted; user unassigned) all come through here.
 */
export async function revokeHolderGrants(tx: DbTx, holder: { clientId: string; userId?: string } | { clientId?: string; userId: string }, now: Date): Promise<void> {
  await revokeGrantsWhere(tx, holder, now);
  await tx.authorizationCode.deleteMany({ where: holder });
}
