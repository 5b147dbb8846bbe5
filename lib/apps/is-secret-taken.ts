import { hashToken } from "../crypto/hash-token";
import type { DbTx } from "../db/create-db-client";

/**
 * Whether a secret a caller brings is already stored for another app than `appId` (secret hashes
 * are unique): such a secret is refused, without saying which app has it.
 */
export async function isSecretTaken(tx: DbTx, appId: string | null, secret: string): Promise<boolean> {
  const existing = await tx.clientSecret.findUnique({ where: { secretHash: hashToken(secret) }, select: { appId: true } });
  return !!existing && existing.appId !== appId;
}
