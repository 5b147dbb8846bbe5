import { decryptSecret } from "../crypto/decrypt-secret";
import { clientSecretContext } from "./client-secret-context";
import { usesClientSecret } from "./client-metadata";
import type { Db, DbTx } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";

/** The plaintext of the app's newest ACTIVE client secret, as Okta shows it on the app; null when it has none. */
export async function newestClientSecret(db: Db | DbTx, secretsKey: Buffer, app: App): Promise<string | null> {
  if (!usesClientSecret(app.tokenEndpointAuthMethod)) return null;
  const secret = await db.clientSecret.findFirst({
    where: { appId: app.id, status: "ACTIVE" },
    orderBy: [{ created: "desc" }, { id: "desc" }],
    select: { id: true, secretEncrypted: true },
  });
  return secret ? decryptSecret(secret.secretEncrypted, secretsKey, clientSecretContext(secret.id)) : null;
}
