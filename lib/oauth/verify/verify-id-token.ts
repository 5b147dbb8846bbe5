import { checkTokenLiveness } from "./check-token-liveness";
import { readIdTokenClaims } from "./read-id-token-claims";
import type { VerifiedIdToken, VerifyContext } from "./types";
import { verifySignedToken } from "./verify-signed-token";

/**
 * An ID token of this authorization server that is valid now, or null: signature, issuer and
 * expiry as for access tokens (verifyServerJwt), Okta's ID-token shape (readIdTokenClaims), and the
 * same implicit revocation (its client `aud` and user `sub` still ACTIVE, unchanged since `iat`,
 * still assigned). ID tokens are never revoked one by one.
 */
export async function verifyIdToken(context: VerifyContext, token: string, now: Date): Promise<VerifiedIdToken | null> {
  const payload = await verifySignedToken(context, token, now);
  const view = payload && readIdTokenClaims(payload);
  if (!view) return null;
  const parties = await checkTokenLiveness(context.db, { clientId: view.clientId, userId: view.userId, issuedAt: view.issuedAt });
  if (!parties?.user) return null;
  return { ...view, app: parties.app, user: parties.user };
}
