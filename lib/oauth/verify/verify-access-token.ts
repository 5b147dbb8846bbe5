import { checkTokenLiveness } from "./check-token-liveness";
import { isAccessTokenRevoked } from "./is-access-token-revoked";
import { readAccessTokenClaims } from "./read-access-token-claims";
import type { VerifiedAccessToken, VerifyContext } from "./types";
import { verifySignedToken } from "./verify-signed-token";

/**
 * An access token of this authorization server that is active now, or null (RFC 7662 "active"):
 * - signed by one of the server's published keys with RS256, `iss` the server's issuer, not
 *   expired, not issued or valid only in the future (verifyServerJwt); shaped like an Okta access
 *   token (readAccessTokenClaims);
 * - not revoked: neither its jti nor its grant has a RevokedAccessToken row;
 * - not implicitly revoked: app and user still ACTIVE, unchanged since `iat`, and the user still
 *   assigned (checkTokenLiveness).
 * The server itself is ACTIVE: the caller holds its snapshot. The revocation read and the liveness
 * reads run in parallel; a warm key set costs no query.
 */
export async function verifyAccessToken(context: VerifyContext, token: string, now: Date): Promise<VerifiedAccessToken | null> {
  const payload = await verifySignedToken(context, token, now);
  const view = payload && readAccessTokenClaims(payload);
  if (!view) return null;
  const [revoked, parties] = await Promise.all([
    isAccessTokenRevoked(context.db, view.jti),
    checkTokenLiveness(context.db, { clientId: view.clientId, userId: view.userId, issuedAt: view.issuedAt }),
  ]);
  if (revoked || !parties) return null;
  return { ...view, ...parties };
}
