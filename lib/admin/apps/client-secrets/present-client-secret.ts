import { clientSecretContext } from "../../../apps/client-secret-context";
import { decryptSecret } from "../../../crypto/decrypt-secret";
import type { ClientSecret } from "../../../db/generated/sqlite/client";
import type { OperationContext } from "../../admin-request";
import { clientSecretJson, maskSecret } from "./client-secret-json";

/** A stored secret with its masked value. */
export function presentClientSecret(ctx: OperationContext, secret: ClientSecret) {
  const plaintext = decryptSecret(secret.secretEncrypted, ctx.secretsKey, clientSecretContext(secret.id));
  return clientSecretJson(ctx.orgUrl, secret, maskSecret(plaintext));
}
