import type { ClientSecret } from "../../../db/generated/sqlite/client";
import { isoTime, link } from "../../../okta-api/links";

/** Shown in lists and reads: enough to tell secrets apart, not enough to use one. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 6)}......${secret.slice(-4)}`;
}

/**
 * Okta's OAuth2ClientSecret. `client_secret` is the full secret only in the answer that created it;
 * elsewhere it is masked (first 6 and last 4 characters). `secret_hash` is the base64url of the
 * first 16 bytes of the secret's SHA-256 (a stable fingerprint, as Okta's 22-character hashes).
 */
export function clientSecretJson(orgUrl: string, secret: ClientSecret, shown: string) {
  const base = `/api/v1/apps/${secret.appId}/credentials/secrets/${secret.id}`;
  return {
    id: secret.id,
    status: secret.status,
    client_secret: shown,
    secret_hash: Buffer.from(secret.secretHash, "hex").subarray(0, 16).toString("base64url"),
    created: isoTime(secret.created),
    lastUpdated: isoTime(secret.lastUpdated),
    _links:
      secret.status === "ACTIVE"
        ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) }
        : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]), delete: link(orgUrl, base, ["DELETE"]) },
  };
}
