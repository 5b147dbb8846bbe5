import { decryptSecret } from "../crypto/decrypt-secret";
import type { Db, DbTx } from "../db/create-db-client";
import { clientSecretContext } from "./client-secret-context";

/**
 * The plaintext of the app's ACTIVE client secrets, newest first: the HMAC keys a client_secret_jwt
 * assertion may be signed with. Never log or return them.
 */
export async function loadClientSecrets(db: Db | DbTx, secretsKey: Buffer, appId: string): Promise<string[]> {
  const secrets = await db.clientSecret.findMany({
    where: { appId, status: "ACTIVE" },
    orderBy: [{ created: "desc" }, { id: "desc" }],
    select: { id: true, secretEncrypted: true },
  });
  return secrets.map((secret) => decryptSecret(secret.secretEncrypted, secretsKey, clientSecretContext(secret.id)));
}
