import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";

/** The claim named in the path, of this server only, or E0000007. */
export async function findClaim(db: Db | DbTx, authServerId: string, claimId: string) {
  const claim = await db.claim.findFirst({ where: { id: claimId, authServerId } });
  if (!claim) throw notFoundError(claimId, "OAuth2Claim");
  return claim;
}
