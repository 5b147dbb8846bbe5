import { prismaErrorCode } from "../../db/prisma-error-code";
import { readAccessTokenClaims } from "../verify/read-access-token-claims";
import type { VerifyContext } from "../verify/types";
import { verifySignedToken } from "../verify/verify-signed-token";
import type { RevocationOutcome } from "./revocation-outcome";

/**
 * Revokes one access token of `clientId` (RFC 7009): a JWT this server signed (signature, issuer,
 * not expired) with Okta's access-token shape. Its jti goes into RevokedAccessToken until the
 * token's own `exp` (afterwards the token is dead anyway), which every instance checks on
 * introspection and userinfo. Idempotent: revoking it again changes nothing. Another client's token
 * is left alone; anything else is unknown. The token's other liveness does not matter here: a
 * token that is already implicitly revoked may be revoked again.
 */
export async function revokeAccessToken(context: VerifyContext, clientId: string, token: string, now: Date): Promise<RevocationOutcome | null> {
  const payload = await verifySignedToken(context, token, now);
  const view = payload && readAccessTokenClaims(payload);
  if (!view) return null;
  if (view.clientId !== clientId) return { kind: "foreign", tokenType: "access_token", tokenId: view.jti, ownerClientId: view.clientId };
  const data = { jti: view.jti, authServerId: context.snapshot.id, expiresAt: new Date(view.expiresAt * 1000), created: now };
  try {
    await context.db.revokedAccessToken.upsert({ where: { jti: view.jti }, create: data, update: {} });
  } catch (error) {
    // a concurrent revocation of the same token inserted it first
    if (prismaErrorCode(error) !== "P2002") throw error;
  }
  return { kind: "revoked", tokenType: "access_token", tokenId: view.jti };
}
