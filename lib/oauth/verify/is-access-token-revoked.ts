import type { Db } from "../../db/create-db-client";
import { revocationKeysFor } from "../tokens/access-token-id";

/**
 * Whether an access token was revoked explicitly (/revoke) or through its grant (refresh-token
 * revocation or reuse, a replayed code): one indexed read of RevokedAccessToken for the token's jti
 * and, for user-grant tokens, its grant's marker. Rows outlive the tokens they name, so their
 * expiresAt needs no check here.
 */
export async function isAccessTokenRevoked(db: Db, jti: string): Promise<boolean> {
  const row = await db.revokedAccessToken.findFirst({ where: { jti: { in: revocationKeysFor(jti) } }, select: { jti: true } });
  return row !== null;
}
