import { hashTokenBytes } from "../../crypto/hash-token";
import type { Db } from "../../db/create-db-client";

/** The refresh token with this value (looked up by its SHA-256), whatever its status, with its family (what the grant shares); null when unknown. */
export async function findRefreshToken(db: Db, token: string) {
  return db.refreshToken.findUnique({ where: { tokenHash: hashTokenBytes(token) }, include: { family: true } });
}
