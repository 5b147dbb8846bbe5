import type { OAuthResponse } from "../request/oauth-request";
import { buildTokenResponse } from "../issue/build-token-response";
import type { TokenUser } from "../issue/claims-user";
import type { CreatedRefreshToken } from "../issue/create-refresh-token";
import { getSigningKey } from "../issue/get-signing-key";
import { mintAccessToken } from "../issue/mint-access-token";
import { mintIdToken } from "../issue/mint-id-token";
import type { TokenDecision } from "../issue/token-decision";
import { TOKEN_EVENTS } from "../tokens/token-events";
import { claimWarningEntries, logTokenEvents, type TokenLogEntry } from "./log-token-events";
import type { TokenRequestContext } from "./token-request-context";

export type UserTokensInput = {
  tokenUser: TokenUser;
  /** the scopes of the access token (and the response's `scope`) */
  scopes: readonly string[];
  decision: TokenDecision;
  /** the grant (refresh family) id carried by the access token's jti */
  grantId: string;
  authTime: Date;
  /** the authorization request's nonce (code flow only) */
  nonce?: string | null;
  /** the refresh token issued by this request, already stored */
  refreshToken?: CreatedRefreshToken | null;
  /** added to every event's debugContext */
  debug?: Record<string, unknown>;
};

/**
 * The last step of the user grants (password, authorization_code, refresh_token): signs the access
 * token with the rule's lifetime and, when `openid` is granted, an ID token (at_hash, auth_time,
 * nonce when given); logs one SUCCESS event per token issued (plus a warning per claim left out);
 * answers with the token response.
 */
export async function respondWithUserTokens(ctx: TokenRequestContext, input: UserTokensInput): Promise<OAuthResponse> {
  const { user } = input.tokenUser;
  const key = await getSigningKey(ctx.app, ctx.snapshot, ctx.now);
  const common = { snapshot: ctx.snapshot, issuer: ctx.issuer, client: ctx.client, user, scopes: input.scopes, now: ctx.now, key };
  const access = await mintAccessToken({ ...common, grantId: input.grantId, authTime: input.authTime, lifetimeMinutes: input.decision.accessTokenLifetimeMinutes });
  const id = input.scopes.includes("openid") ? await mintIdToken({ ...common, authTime: input.authTime, nonce: input.nonce, accessToken: access.token, amr: input.decision.amr, acr: input.decision.acr }) : null;

  const debug = { policyId: input.decision.policyId, ruleId: input.decision.ruleId, grantId: input.grantId, scopes: input.scopes.join(" "), ...input.debug };
  const entries: TokenLogEntry[] = [
    {
      eventType: TOKEN_EVENTS.accessToken,
      result: "SUCCESS",
      displayMessage: "OAuth2 access token is granted",
      user,
      token: { type: "access_token", id: access.claims.jti, expires: new Date(access.claims.exp * 1000) },
      debug,
    },
  ];
  if (input.refreshToken) {
    const { windowEndsAt, expiresAt } = input.refreshToken;
    entries.push({
      eventType: TOKEN_EVENTS.refreshToken,
      result: "SUCCESS",
      displayMessage: "OAuth2 refresh token is granted",
      user,
      token: { type: "refresh_token", id: input.refreshToken.id, expires: expiresAt && expiresAt < windowEndsAt ? expiresAt : windowEndsAt },
      debug,
    });
  }
  if (id) {
    entries.push({
      eventType: TOKEN_EVENTS.idToken,
      result: "SUCCESS",
      displayMessage: "OAuth2 id token is granted",
      user,
      token: { type: "id_token", id: id.claims.jti, expires: new Date(id.claims.exp * 1000) },
      debug,
    });
  }
  entries.push(...claimWarningEntries(access.warnings, "access_token", user), ...claimWarningEntries(id?.warnings ?? [], "id_token", user));
  await logTokenEvents(ctx, entries);

  return buildTokenResponse({ accessToken: access.token, expiresIn: access.expiresIn, scopes: input.scopes, refreshToken: input.refreshToken?.token, idToken: id?.token });
}
