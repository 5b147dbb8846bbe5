import { invalidClient, unauthorizedClient } from "../errors/oauth-error";
import type { OAuthResponse } from "../request/oauth-request";
import { buildTokenResponse } from "../issue/build-token-response";
import { getSigningKey } from "../issue/get-signing-key";
import { mintAccessToken } from "../issue/mint-access-token";
import { toTokenDecision } from "../issue/token-decision";
import { evaluatePolicy } from "../policy/evaluate-policy";
import { isOrgAuthServer } from "../snapshot/org-authorization-server";
import { TOKEN_EVENTS } from "../tokens/token-events";
import { claimWarningEntries, logTokenEvents } from "./log-token-events";
import { mayUseClientCredentials } from "../../apps/may-use-client-credentials";
import { parseScopeParam } from "./parse-scope-param";
import { policyDenialError } from "./token-access-denied";
import { refuseTokenRequest } from "./refuse-token-request";
import { TOKEN_MESSAGES } from "../errors/token-messages";
import type { TokenRequestContext } from "./token-request-context";

/**
 * grant_type=client_credentials (RFC 6749 4.4): a confidential app (service, or web as Okta allows)
 * acting for itself.
 * At the org authorization server only with private_key_jwt (Okta: its access tokens carry Okta
 * API scopes, for service apps authenticated with a key), else 401 invalid_client.
 * The policy is evaluated without a user; the requested scopes (or the server's defaults) plus the
 * defaults the rule allows are granted. Only an access token: `sub` = client_id, no `uid`, a plain
 * `AT.` jti (no grant), never a refresh or ID token (the policy refuses OIDC scopes).
 *
 * Hot path (benchmarked): the snapshot, the signing key and the client come from memory (no query
 * once warm), and the one write is the System Log's SUCCESS event, queued and written with others
 * in one insert (Okta logs every grant).
 */
export async function grantClientCredentials(ctx: TokenRequestContext): Promise<OAuthResponse> {
  const { client, snapshot } = ctx;
  if (!mayUseClientCredentials(client)) {
    throw await refuseTokenRequest(ctx, unauthorizedClient(TOKEN_MESSAGES.clientCredentialsConfidentialOnly), `client_credentials requested by a public ${client.applicationType} application`);
  }
  if (isOrgAuthServer(snapshot.id) && ctx.clientAuthMethod !== "private_key_jwt") {
    throw await refuseTokenRequest(ctx, invalidClient(TOKEN_MESSAGES.orgClientCredentialsNeedsPrivateKeyJwt), `client_credentials at the org authorization server with ${ctx.clientAuthMethod}`);
  }
  const requested = parseScopeParam(ctx.params.get("scope"));
  const decision = evaluatePolicy({ snapshot, clientId: client.clientId, oktaScopeGrants: client.oktaScopeGrants, grantType: "client_credentials", user: null, requestedScopes: requested });
  if (!decision.ok) {
    throw await refuseTokenRequest(ctx, policyDenialError(decision), decision.reason, { debug: { policyId: decision.policyId ?? null, requestedScopes: requested?.join(" ") ?? null } });
  }

  const key = await getSigningKey(ctx.app, snapshot, ctx.now);
  const access = await mintAccessToken({
    snapshot,
    issuer: ctx.issuer,
    client,
    user: null,
    scopes: decision.grantedScopes,
    grantId: null,
    lifetimeMinutes: toTokenDecision(decision).accessTokenLifetimeMinutes,
    now: ctx.now,
    key,
  });
  await logTokenEvents(ctx, [
    {
      eventType: TOKEN_EVENTS.accessToken,
      result: "SUCCESS",
      displayMessage: "OAuth2 access token is granted",
      token: { type: "access_token", id: access.claims.jti, expires: new Date(access.claims.exp * 1000) },
      debug: { policyId: decision.policyId, ruleId: decision.ruleId, scopes: decision.grantedScopes.join(" ") },
    },
    ...claimWarningEntries(access.warnings, "access_token", null),
  ]);
  return buildTokenResponse({ accessToken: access.token, expiresIn: access.expiresIn, scopes: decision.grantedScopes });
}
