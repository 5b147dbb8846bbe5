import { pooledRandomBytes } from "../../crypto/pooled-random-bytes";

/**
 * Access-token ids: `AT.<random>` as Okta's, and `AT.<random>.<grantId>` for tokens that belong to a
 * user grant (a code exchange, a password grant, and every refresh of them). The grant id lets one
 * revocation marker kill every access token of a grant (refresh-token revocation or reuse, code
 * replay) without a row per issued token. Clients treat jti as opaque.
 */
export function newAccessTokenId(grantId: string | null, random: (size: number) => Buffer = pooledRandomBytes): string {
  const id = `AT.${random(16).toString("base64url")}`;
  return grantId ? `${id}.${grantId}` : id;
}

export function grantIdOf(jti: string): string | null {
  const parts = jti.split(".");
  return parts.length === 3 && parts[0] === "AT" && parts[2] ? parts[2] : null;
}

/** The RevokedAccessToken key that revokes every access token of a grant. */
export function grantRevocationKey(grantId: string): string {
  return `grant:${grantId}`;
}

/** The RevokedAccessToken keys to look up for one access token: its own jti and its grant's marker. */
export function revocationKeysFor(jti: string): string[] {
  const grantId = grantIdOf(jti);
  return grantId ? [jti, grantRevocationKey(grantId)] : [jti];
}
