import { randomBytes } from "node:crypto";
import { randomToken } from "../../crypto/random-token";
import { AUTHORIZE_EVENTS } from "../../pending-authorizations/authorize-events";
import type { AuthorizeParams } from "../../pending-authorizations/authorize-params";
import type { SessionInfo } from "../../sessions/types";
import type { AcrValue } from "../claims/acr-values";
import { buildIdTokenClaims } from "../claims/build-id-token-claims";
import type { TokenUser } from "../issue/claims-user";
import { createAuthorizationCode } from "../issue/create-authorization-code";
import { getSigningKey } from "../issue/get-signing-key";
import { mintAccessToken } from "../issue/mint-access-token";
import { signToken } from "../issue/sign-token";
import { toTokenDecision } from "../issue/token-decision";
import type { PolicyDecision } from "../policy/evaluate-policy";
import type { AuthorizeContext } from "./authorize-context";
import type { ResponseParams } from "./build-authorization-response";
import { logAuthorizeEvent, type AuthorizeLogEntry } from "./log-authorize-events";

export type IssueInput = {
  params: AuthorizeParams;
  session: SessionInfo;
  tokenUser: TokenUser;
  /** the policy decision for the code (authorization_code) and for tokens returned here (implicit) */
  decisions: { code?: PolicyDecision; implicit?: PolicyDecision };
  /** the authentication context class acr_values asked for (and the session satisfies): the ID token's `acr` */
  acr?: AcrValue | null;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * What a granted request returns, in the spec's order (code, access_token, token_type, expires_in,
 * scope, id_token, state):
 * - `code`: an authorization code (60 s, one exchange) bound to the client, redirect URI, PKCE
 *   challenge, nonce, session, auth_time and the authorization_code policy decision;
 * - `token`: an access token with the implicit rule's lifetime and the granted scopes (never a
 *   refresh token from /authorize);
 * - `id_token`: an ID token with the nonce, auth_time and amr of the session (the code carries
 *   them, and the acr asked for, to the token endpoint's ID token), at_hash with an access
 *   token and c_hash with a code (OIDC Core 3.3.2.11); alone, it carries every claim of its scopes
 *   (OIDC Core 5.4), otherwise those not alwaysIncludeInToken are read from /userinfo.
 * Logs one SUCCESS event per artifact.
 */
export async function issueAuthorizationResponse(ctx: AuthorizeContext, input: IssueInput): Promise<ResponseParams> {
  const { params, session, tokenUser } = input;
  const { snapshot, client, now } = ctx;
  const random = ctx.random ?? randomBytes;
  const user = tokenUser.user;
  const logUser = { id: user.id, login: user.login };
  const logRequest = { responseType: params.responseTypes.join(" "), responseMode: params.responseMode };
  const out: Array<[string, string | number]> = [];
  const events: AuthorizeLogEntry[] = [];
  const decision = input.decisions.implicit ?? input.decisions.code!;
  const scopes = decision.grantedScopes;
  const amr = session.amr.length > 0 ? session.amr : ["pwd"];
  const debug = (d: PolicyDecision) => ({ policyId: d.policyId, ruleId: d.ruleId, scopes: d.grantedScopes.join(" "), sessionId: session.id });

  let code: string | undefined;
  if (params.responseTypes.includes("code")) {
    const codeDecision = input.decisions.code!;
    code = await createAuthorizationCode(ctx.app.db, {
      authServerId: snapshot.id,
      clientId: client.clientId,
      userId: user.id,
      sessionId: session.id,
      redirectUri: params.redirectUri,
      scopes: codeDecision.grantedScopes,
      nonce: params.nonce,
      codeChallenge: params.codeChallenge,
      codeChallengeMethod: params.codeChallengeMethod,
      authTime: session.authTime,
      // the grant's authentication rides with the decision to the exchange and every refresh (toTokenDecision)
      decision: { ...toTokenDecision(codeDecision), amr, ...(input.acr ? { acr: input.acr } : {}) },
      now,
      random,
    });
    out.push(["code", code]);
    events.push({ eventType: AUTHORIZE_EVENTS.code, result: "SUCCESS", displayMessage: "OAuth2 authorization code is granted", user: logUser, debug: { ...debug(codeDecision), pkce: params.codeChallenge !== null } });
  }

  const wantsToken = params.responseTypes.includes("token");
  const wantsIdToken = params.responseTypes.includes("id_token");
  let accessToken: string | undefined;
  if (wantsToken || wantsIdToken) {
    const key = await getSigningKey(ctx.app, snapshot, now);
    if (wantsToken) {
      const access = await mintAccessToken({
        snapshot,
        issuer: ctx.issuer,
        client,
        user,
        scopes,
        grantId: randomToken(16, random),
        authTime: session.authTime,
        lifetimeMinutes: decision.accessTokenLifetimeMinutes,
        now,
        key,
        random,
      });
      accessToken = access.token;
      out.push(["access_token", access.token], ["token_type", "Bearer"], ["expires_in", access.expiresIn], ["scope", scopes.join(" ")]);
      events.push({
        eventType: AUTHORIZE_EVENTS.accessToken,
        result: "SUCCESS",
        displayMessage: "OAuth2 access token is granted",
        user: logUser,
        token: { type: "access_token", id: access.claims.jti, expires: new Date(access.claims.exp * 1000) },
        debug: debug(decision),
      });
    }
    if (wantsIdToken) {
      const { claims } = buildIdTokenClaims({
        snapshot,
        issuer: ctx.issuer,
        clientId: client.clientId,
        app: { id: client.appId, clientId: client.clientId },
        user,
        scopes,
        jti: `ID.${randomToken(16, random)}`,
        iat: seconds(now),
        authTime: seconds(session.authTime),
        amr,
        acr: input.acr ?? null,
        nonce: params.nonce,
        ...(accessToken !== undefined ? { accessToken } : {}),
        ...(code !== undefined ? { code } : {}),
        includeScopeClaims: accessToken === undefined,
      });
      out.push(["id_token", await signToken(key, claims)]);
      events.push({
        eventType: AUTHORIZE_EVENTS.idToken,
        result: "SUCCESS",
        displayMessage: "OAuth2 id token is granted",
        user: logUser,
        token: { type: "id_token", id: claims.jti, expires: new Date(claims.exp * 1000) },
        debug: debug(decision),
      });
    }
  }
  if (params.state !== null) out.push(["state", params.state]);
  for (const event of events) logAuthorizeEvent(ctx, event, logRequest);
  return out;
}
