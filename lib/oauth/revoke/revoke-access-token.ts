import type { RevocationOutcome } from "../tokens/revocation-outcome";
import { revokeAccessTokenId } from "../tokens/revoke-access-token-id";
import { readAccessTokenClaims } from "../verify/read-access-token-claims";
import type { VerifyContext } from "../verify/types";
import { verifySignedToken } from "../verify/verify-signed-token";

/**
 * Revokes one access token of `clientId` (RFC 7009): a JWT this server signed (signature, issuer,
 * not expired) with Okta's access-token shape. Its jti is revoked until the token's own `exp`
 * (revokeAccessTokenId), idempotently. Another client's token is left alone; anything else is
 * unknown. The token's other liveness does not matter here: a
 * token that is already implicitly revoked may be revoked again.
 */
export async function revokeAccessToken(context: VerifyContext, clientId: string, token: string, now: Date): Promise<RevocationOutcome | null> {
  const payload = await verifySignedToken(context, token, now);
  const view = payload && readAccessTokenClaims(payload);
  if (!view) return null;
  if (view.clientId !== clientId) return { kind: "foreign", tokenType: "access_token", tokenId: view.jti, ownerClientId: view.clientId };
  await revokeAccessTokenId(context.db, { jti: view.jti, authServerId: context.snapshot.id, expiresAt: new Date(view.expiresAt * 1000), now });
  return { kind: "revoked", tokenType: "access_token", tokenId: view.jti };
}
