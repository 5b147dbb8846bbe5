import { hashToken } from "../../crypto/hash-token";
import { randomToken } from "../../crypto/random-token";
import { invalidGrant, invalidRequest, type OAuthError } from "../errors/oauth-error";
import type { OAuthResponse } from "../request/oauth-request";
import { consumeAuthorizationCode } from "../issue/consume-authorization-code";
import { refreshFamilyExpiry } from "../issue/create-refresh-token";
import { findAuthorizationCode } from "../issue/find-authorization-code";
import { loadTokenUser } from "../issue/load-token-user";
import { toTokenDecision } from "../issue/token-decision";
import { verifyPkce, type PkceFailure } from "../pkce/verify-pkce";
import { readStringList } from "../snapshot/read-string-list";
import { revokeReplayedCodeGrant } from "../tokens/revoke-replayed-code-grant";
import { refuseTokenRequest } from "./refuse-token-request";
import { respondWithUserTokens } from "./respond-with-user-tokens";
import { TOKEN_MESSAGES } from "../errors/token-messages";
import type { TokenRequestContext } from "./token-request-context";

const PKCE_MESSAGES: Record<PkceFailure, string> = {
  missing_verifier: TOKEN_MESSAGES.pkceVerifierMissing,
  unexpected_verifier: TOKEN_MESSAGES.pkceVerifierUnexpected,
  malformed_verifier: TOKEN_MESSAGES.pkceVerifierMalformed,
  unsupported_method: TOKEN_MESSAGES.pkceFailed,
  mismatch: TOKEN_MESSAGES.pkceFailed,
};

/**
 * grant_type=authorization_code (RFC 6749 4.1.3, RFC 7636 4.6). Checks, in order, each failing
 * with invalid_grant (code, redirect_uri: invalid_request when missing):
 * 1. the code (looked up by its SHA-256) exists, belongs to this authorization server and to the
 *    authenticated client;
 * 2. it was not used before: a second exchange (replay) revokes the grant the first one created,
 *    its refresh tokens and, through the grant marker, its access tokens (RFC 6749 4.1.2, 10.5);
 * 3. it has not expired (60 s);
 * 4. redirect_uri is byte for byte the one of the authorization request;
 * 5. PKCE: S256 verifier against the stored challenge; a verifier without a challenge is refused
 *    (downgrade); public clients and apps with pkce_required must have used PKCE;
 * 6. the user is still ACTIVE.
 * Failed checks do not consume the code. Then the code is consumed ATOMICALLY across instances
 * (consumeAuthorizationCode: a conditional update, in the transaction that stores the refresh
 * token), so a replay that loses the race still finds (and revokes) everything the winner issued.
 *
 * The policy is not evaluated again (spec: Subtle Behavior): the decision stored with the code sets
 * the lifetimes. Tokens per the spec's table from the code's scopes: access token, refresh token
 * with offline_access (when the app has the refresh_token grant), ID token with openid (nonce and
 * auth_time from the authorization request, at_hash).
 */
export async function grantAuthorizationCode(ctx: TokenRequestContext): Promise<OAuthResponse> {
  const { app, client, snapshot, now } = ctx;
  const code = ctx.params.get("code");
  const redirectUri = ctx.params.get("redirect_uri");
  if (!code) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("code"));
  if (!redirectUri) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("redirect_uri"));

  const codeHash = hashToken(code);
  const row = await findAuthorizationCode(app.db, codeHash);
  const refuse = (error: OAuthError, reason: string, userId?: string) =>
    refuseTokenRequest(ctx, error, reason, { debug: { ...(userId ? { userId } : {}), ...(row?.familyId ? { grantId: row.familyId } : {}) } });

  if (!row) throw await refuse(invalidGrant(TOKEN_MESSAGES.invalidCode), "INVALID_CODE: unknown authorization code");
  if (row.authServerId !== snapshot.id || row.clientId !== client.clientId) {
    throw await refuse(invalidGrant(TOKEN_MESSAGES.invalidCode), "INVALID_CODE: the code was issued to another client or authorization server", row.userId);
  }
  if (row.consumed) throw await replayed(ctx, codeHash, row.userId);
  if (row.expiresAt.getTime() <= now.getTime()) throw await refuse(invalidGrant(TOKEN_MESSAGES.invalidCode), "INVALID_CODE: the code expired", row.userId);
  if (row.redirectUri !== redirectUri) throw await refuse(invalidGrant(TOKEN_MESSAGES.redirectUriMismatch), "REDIRECT_URI_MISMATCH", row.userId);

  const pkce = verifyPkce({ challenge: row.codeChallenge, method: row.codeChallengeMethod }, ctx.params.get("code_verifier"));
  if (!pkce.ok) throw await refuse(invalidGrant(PKCE_MESSAGES[pkce.failure]), `PKCE: ${pkce.failure}`, row.userId);
  if (!pkce.used && (!client.isConfidential || client.pkceRequired)) throw await refuse(invalidGrant(TOKEN_MESSAGES.pkceRequired), "PKCE: required but not used", row.userId);

  const tokenUser = await loadTokenUser(app.db, row.userId, snapshot.everyoneGroupId);
  if (!tokenUser || tokenUser.user.status !== "ACTIVE") throw await refuse(invalidGrant(TOKEN_MESSAGES.invalidCode), `INVALID_CODE: the user is ${tokenUser?.user.status ?? "gone"}`, row.userId);

  const scopes = readStringList(row.scopes);
  const decision = toTokenDecision(row.decision);
  const grantId = randomToken(16);
  const issueRefresh = scopes.includes("offline_access") && client.grantTypes.includes("refresh_token");
  const refresh = issueRefresh
    ? { authServerId: snapshot.id, clientId: client.clientId, userId: row.userId, familyId: grantId, scopes, authTime: row.authTime, decision, expiresAt: refreshFamilyExpiry(decision, now), now }
    : null;
  const outcome = await consumeAuthorizationCode(app.db, { codeHash, grantId, now, refresh });
  if (!outcome.consumed) throw await replayed(ctx, codeHash, row.userId);

  return respondWithUserTokens(ctx, {
    tokenUser,
    scopes,
    decision,
    grantId,
    authTime: row.authTime,
    nonce: row.nonce,
    refreshToken: outcome.refreshToken,
    debug: { codeChallengeMethod: pkce.used ? "S256" : null },
  });
}

/**
 * A used code presented again: revokes the grant its first exchange created (refresh tokens and,
 * through the marker, access tokens: revokeReplayedCodeGrant), logs it, and returns invalid_grant.
 */
async function replayed(ctx: TokenRequestContext, codeHash: string, userId: string): Promise<OAuthError> {
  const grantId = await revokeReplayedCodeGrant(ctx.app.db, { authServerId: ctx.snapshot.id, codeHash, now: ctx.now });
  return refuseTokenRequest(ctx, invalidGrant(TOKEN_MESSAGES.invalidCode), `CODE_REPLAYED: the code was already used; ${grantId ? `grant ${grantId} revoked` : "no grant to revoke"}`, {
    debug: { userId, ...(grantId ? { grantId } : {}) },
  });
}
