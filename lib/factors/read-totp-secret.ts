import { decryptSecret } from "../crypto/decrypt-secret";
import type { UserFactor } from "../db/generated/sqlite/client";
import { factorSecretContext } from "./factor-secret-context";

/**
 * A TOTP factor's shared secret in clear, to provision an authenticator: Okta shows it (with the QR
 * code) while the factor awaits activation. Null for a factor without one.
 */
export function readTotpSecret(factor: Pick<UserFactor, "id" | "secretEncrypted">, secretsKey: Buffer): string | null {
  return factor.secretEncrypted ? decryptSecret(factor.secretEncrypted, secretsKey, factorSecretContext(factor.id)) : null;
}
