import type { Db } from "../../db/create-db-client";

/** The authorization code with this SHA-256 (createAuthorizationCode stores no other form of it), consumed or not; null when unknown. */
export async function findAuthorizationCode(db: Db, codeHash: string) {
  return db.authorizationCode.findUnique({ where: { codeHash } });
}
