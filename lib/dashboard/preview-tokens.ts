import { loadClient } from "../apps/load-client";
import { isUserAssignedToApp } from "../assignments/is-user-assigned-to-app";
import type { Db } from "../db/create-db-client";
import { buildAccessTokenClaims, type AccessTokenClaims } from "../oauth/claims/build-access-token-claims";
import { buildIdTokenClaims, type IdTokenClaims } from "../oauth/claims/build-id-token-claims";
import type { ClaimWarning } from "../oauth/claims/types";
import { buildIssuer } from "../authorization-servers/build-issuer";
import { loadTokenUser } from "../oauth/issue/load-token-user";
import { toTokenDecision, type TokenDecision } from "../oauth/issue/token-decision";
import { evaluatePolicy } from "../oauth/policy/evaluate-policy";
import { loadServerSnapshot } from "../oauth/snapshot/load-server-snapshot";
import type { GrantType } from "../oauth/grant-types";
import { mayUseClientCredentials } from "../apps/may-use-client-credentials";
import { TOKEN_MESSAGES } from "../oauth/errors/token-messages";
import { decideAppSignOn } from "../sign-on-policies/decide-app-sign-on";

export const PREVIEW_GRANT_TYPES = ["authorization_code", "password", "refresh_token", "implicit", "client_credentials"] as const satisfies readonly GrantType[];
export type PreviewGrantType = (typeof PREVIEW_GRANT_TYPES)[number];

export type PreviewInput = {
  authServerId: string;
  /** the app's client_id */
  clientId: string;
  grantType: GrantType;
  /** the resource owner (every grant but client_credentials) */
  userId: string | null;
  /** requested scopes; empty: the server's default scopes */
  scopes: readonly string[];
  /**
   * the client address the app's authentication policy sees (its network zone conditions); absent:
   * unknown, which no zone holds (a rule for "in the zone" does not match, one for "not in the zone" does)
   */
  ipAddress?: string | null;
};

export type PreviewDenial = {
  ok: false;
  /** the OAuth error the token endpoint would answer */
  error: string;
  /** its error_description */
  description: string;
  /** why, in the System Log's words */
  reason: string;
  policyId?: string;
  /** the app's authentication policy rule that denies the user (access DENY) */
  appSignOnRule?: { policyId: string; policyName: string; ruleId: string; ruleName: string };
};

export type PreviewResult =
  | {
      ok: true;
      policy: { id: string; name: string };
      rule: { id: string; name: string };
      grantedScopes: string[];
      decision: TokenDecision;
      accessToken: { claims: AccessTokenClaims; warnings: ClaimWarning[] };
      /** when `openid` is granted to a user */
      idToken: { claims: IdTokenClaims; warnings: ClaimWarning[] } | null;
      /** a refresh token would be issued too (offline_access granted and the app has the refresh_token grant) */
      refreshToken: boolean;
    }
  | PreviewDenial;

const deny = (error: string, description: string, reason: string, policyId?: string): PreviewDenial => ({ ok: false, error, description, reason, ...(policyId ? { policyId } : {}) });

/**
 * How the endpoints answer a user the app's authentication policy denies: the refresh_token grant
 * with invalid_grant (lib/oauth/token/grant-refresh-token.ts); /authorize (code and implicit) and
 * the password grant with access_denied and Okta's generic description.
 */
const appSignOnDenial = (grantType: GrantType) =>
  grantType === "refresh_token" ? { error: "invalid_grant", description: TOKEN_MESSAGES.refreshInvalid } : { error: "access_denied", description: TOKEN_MESSAGES.appPolicyDenied };
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * What the token endpoint would issue for an app, grant, user and scopes, without issuing
 * anything: the same checks in the same order (server active, app active and registered for the
 * grant, user active and assigned, the app's authentication policy (ACCESS_POLICY) not denying the
 * user: else the endpoint's answer and the rule that denies), the real policy engine on a fresh
 * snapshot of the server, and the real claim builders (custom claims evaluated with EL, warnings for the ones left out). Nothing
 * is signed, stored or logged; `jti` values are placeholders and the ID token has no `at_hash`
 * (there is no access token to hash).
 */
export async function previewTokens(db: Db, orgUrl: string, input: PreviewInput, now: Date): Promise<PreviewResult> {
  const snapshot = await loadServerSnapshot(db, input.authServerId, now);
  if (!snapshot) return deny("not_found", "The authorization server was not found or is not active.", `Authorization server ${input.authServerId} does not exist or is INACTIVE.`);

  const client = await loadClient(db, input.clientId);
  if (!client) return deny("invalid_client", "Client authentication failed.", `No application has client_id ${input.clientId}.`);
  if (client.status !== "ACTIVE") return deny("invalid_client", "Client authentication failed.", `Application ${client.label} is ${client.status}.`);
  if (!client.grantTypes.includes(input.grantType as never)) {
    return deny("unauthorized_client", TOKEN_MESSAGES.grantNotConfigured(client.grantTypes), `UNAUTHORIZED_CLIENT: the app is not registered for ${input.grantType}.`);
  }

  const isClientCredentials = input.grantType === "client_credentials";
  if (isClientCredentials && !mayUseClientCredentials(client)) {
    return deny("unauthorized_client", TOKEN_MESSAGES.clientCredentialsConfidentialOnly, `client_credentials requested by a public ${client.applicationType} application.`);
  }

  let tokenUser = null;
  if (!isClientCredentials) {
    if (!input.userId) return deny("invalid_request", "A user is required for this grant type.", "Pick the user the token would be issued to.");
    tokenUser = await loadTokenUser(db, input.userId, snapshot.everyoneGroupId);
    if (!tokenUser) return deny("invalid_grant", TOKEN_MESSAGES.invalidCredentials, `No user has id ${input.userId}.`);
    const { user } = tokenUser;
    if (user.status !== "ACTIVE") return deny("invalid_grant", TOKEN_MESSAGES.invalidCredentials, `INVALID_CREDENTIALS: the user is ${user.status}.`);
    if (!(await isUserAssignedToApp(db, client.appId, user.id))) {
      return deny("access_denied", TOKEN_MESSAGES.userNotAssigned, `USER_NOT_ASSIGNED: ${user.login} is not assigned to ${client.label}, directly or through a group.`);
    }
    const appSignOn = await decideAppSignOn(db, now, { appId: client.appId, userId: user.id, groupIds: tokenUser.groupIds, ipAddress: input.ipAddress ?? null });
    if (appSignOn.access === "DENY") {
      const { error, description } = appSignOnDenial(input.grantType);
      const matched = appSignOn.matched;
      return { ...deny(error, description, appSignOn.denyReason ?? "POLICY_DENY", matched?.policyId), ...(matched ? { appSignOnRule: matched } : {}) };
    }
  }

  const result = evaluatePolicy({
    snapshot,
    clientId: client.clientId,
    oktaScopeGrants: client.oktaScopeGrants,
    grantType: input.grantType,
    user: tokenUser ? { id: tokenUser.user.id, groupIds: tokenUser.groupIds } : null,
    requestedScopes: input.scopes.length ? input.scopes : null,
  });
  if (!result.ok) return deny(result.error, result.description, result.reason, result.policyId);

  const decision = toTokenDecision(result);
  const issuer = buildIssuer(orgUrl, snapshot.id);
  const iat = seconds(now);
  const app = { id: client.appId, clientId: client.clientId };
  const accessToken = buildAccessTokenClaims({
    snapshot,
    issuer,
    clientId: client.clientId,
    app,
    user: tokenUser?.user ?? null,
    scopes: result.grantedScopes,
    jti: "AT.preview",
    ...(tokenUser ? { authTime: iat } : {}),
    iat,
    exp: iat + decision.accessTokenLifetimeMinutes * 60,
  });
  const idToken =
    tokenUser && result.grantedScopes.includes("openid")
      ? buildIdTokenClaims({
          snapshot,
          issuer,
          clientId: client.clientId,
          app,
          user: tokenUser.user,
          scopes: result.grantedScopes,
          jti: "ID.preview",
          iat,
          authTime: iat,
          amr: ["pwd"],
          includeScopeClaims: false,
        })
      : null;
  return {
    ok: true,
    policy: { id: result.policyId, name: result.policyName },
    rule: { id: result.ruleId, name: result.ruleName },
    grantedScopes: result.grantedScopes,
    decision,
    accessToken,
    idToken,
    refreshToken: !isClientCredentials && result.grantedScopes.includes("offline_access") && client.grantTypes.includes("refresh_token"),
  };
}
