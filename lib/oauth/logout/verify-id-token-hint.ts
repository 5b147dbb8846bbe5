import { findVerificationKey } from "../verify/find-verification-key";
import { readIdTokenClaims } from "../verify/read-id-token-claims";
import type { IdTokenView, VerifyContext } from "../verify/types";
import { verifyServerJwt } from "../verify/verify-server-jwt";

/**
 * An `id_token_hint` for /v1/logout (OIDC RP-Initiated Logout 1.0, section 2: the OP must check
 * that it issued the ID token, and should accept one that has expired): an ID token this server
 * signed, verified as verifySignedToken does (RS256 with one of the server's published keys, `iss`
 * byte for byte the issuer, `iat`/`nbf` not in the future) except that an expired one is accepted;
 * Okta's ID-token shape (readIdTokenClaims). No liveness check: a user who was since deactivated
 * may still sign out. Null for anything else (forged, another server's, an access token).
 */
export async function verifyIdTokenHint(context: VerifyContext, token: string, now: Date): Promise<IdTokenView | null> {
  const { db, secretsKey, snapshot, issuer } = context;
  const payload = await verifyServerJwt(token, {
    issuer,
    now,
    acceptExpired: true,
    resolveKey: (kid) => findVerificationKey(db, secretsKey, snapshot.id, snapshot.configVersion, kid, now),
  });
  return payload && readIdTokenClaims(payload);
}
