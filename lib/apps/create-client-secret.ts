import { encryptSecret } from "../crypto/encrypt-secret";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import type { DbTx } from "../db/create-db-client";
import { newId } from "../ids/new-id";
import { clientSecretContext } from "./client-secret-context";

/** 48 random bytes: 384 bits, 64 base64url characters (Okta's generated secrets are 64 characters too). */
export const CLIENT_SECRET_BYTES = 48;

/**
 * Stores a client secret: its SHA-256 for verification and its AES-GCM ciphertext (bound to the
 * row) for client_secret_jwt. The plaintext is returned once, to show to the caller; it is generated
 * unless the caller brings one (already validated).
 */
export async function createClientSecret(
  tx: DbTx,
  secretsKey: Buffer,
  appId: string,
  now: Date,
  options: { secret?: string; status?: "ACTIVE" | "INACTIVE" } = {},
): Promise<{ id: string; secret: string }> {
  const id = newId("clientSecret");
  const secret = options.secret ?? randomToken(CLIENT_SECRET_BYTES);
  await tx.clientSecret.create({
    data: {
      id,
      appId,
      status: options.status ?? "ACTIVE",
      secretHash: hashToken(secret),
      secretEncrypted: encryptSecret(secret, secretsKey, clientSecretContext(id)),
      created: now,
      lastUpdated: now,
    },
  });
  return { id, secret };
}
