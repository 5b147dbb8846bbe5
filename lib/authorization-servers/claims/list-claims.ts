import type { Claim } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";

/** Up to `take` of a server's claims (system claims included) after the cursor `after`, by id. */
export function listClaims(db: Db, query: { authServerId: string; take: number; after: string | null }): Promise<Claim[]> {
  return db.claim.findMany({ where: { authServerId: query.authServerId, ...(query.after ? { id: { gt: query.after } } : {}) }, orderBy: { id: "asc" }, take: query.take });
}
