import { CryptoError } from "../crypto/crypto-error";
import { decryptSecret } from "../crypto/decrypt-secret";
import { encryptSecret } from "../crypto/encrypt-secret";
import type { Db } from "../db/create-db-client";
import { signingKeyContext } from "../keys/generate-signing-key";

const CHECK_PLAINTEXT = "idp-secret-check";
const CHECK_CONTEXT = "secret-check:org";

/** The org's check value (OrgSettings.secretCheck): a constant sealed with the secrets key derived from APP_SECRET. */
export function sealSecretCheck(secretsKey: Buffer): string {
  return encryptSecret(CHECK_PLAINTEXT, secretsKey, CHECK_CONTEXT);
}

/**
 * Whether `secretsKey` is the key the org's secrets are encrypted with, i.e. APP_SECRET is the one
 * the org was set up with: it opens the org's check value (AES-GCM: a wrong key never does). An org
 * bootstrapped before check values existed gets one now, once its oldest signing key shows the key
 * right (or when it has none); of instances racing to write it, the first wins and the others are
 * checked against it.
 */
export async function checkAppSecret(db: Db, secretsKey: Buffer): Promise<boolean> {
  const org = await db.orgSettings.findUnique({ where: { id: "org" }, select: { secretCheck: true } });
  if (!org) return true; // not bootstrapped: nothing is encrypted yet
  if (org.secretCheck !== null) return opens(org.secretCheck, secretsKey, CHECK_CONTEXT);
  const key = await db.signingKey.findFirst({ orderBy: { created: "asc" }, select: { kid: true, privateKeyEncrypted: true } });
  if (key && !opens(key.privateKeyEncrypted, secretsKey, signingKeyContext(key.kid))) return false;
  await db.orgSettings.updateMany({ where: { id: "org", secretCheck: null }, data: { secretCheck: sealSecretCheck(secretsKey) } });
  return checkAppSecret(db, secretsKey);
}

function opens(sealed: string, key: Buffer, context: string): boolean {
  try {
    decryptSecret(sealed, key, context);
    return true;
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}
