import { isUserAssignedToApp } from "../../assignments/is-user-assigned-to-app";
import { randomToken } from "../../crypto/random-token";
import { decideAppSignOn } from "../../sign-on-policies/decide-app-sign-on";
import { checkCredentials, loggedLogin } from "../../signin/check-credentials";
import { invalidGrant, invalidRequest, slowDown } from "../errors/oauth-error";
import type { OAuthResponse } from "../request/oauth-request";
import { createRefreshToken, refreshFamilyExpiry } from "../issue/create-refresh-token";
import { loadTokenUser } from "../issue/load-token-user";
import { toTokenDecision } from "../issue/token-decision";
import { evaluatePolicy } from "../policy/evaluate-policy";
import { parseScopeParam } from "./parse-scope-param";
import { refuseTokenRequest } from "./refuse-token-request";
import { respondWithUserTokens } from "./respond-with-user-tokens";
import { policyDenialError, tokenAccessDenied } from "./token-access-denied";
import { TOKEN_MESSAGES } from "../errors/token-messages";
import type { TokenRequestContext } from "./token-request-context";

/**
 * grant_type=password (RFC 6749 4.3), for apps that registered it:
 * - `username` and `password` are required (invalid_request);
 * - the credentials are checked by checkCredentials (lib/signin), shared with the hosted sign-in
 *   and /api/v1/authn, with the same rate limits: per username always, and per client address for
 *   public clients (a native app on the person's device); a confidential client's address is its
 *   server, shared by all its users, so only the per-username budget applies to it. Beyond them:
 *   429 slow_down with Retry-After, and no password is checked. The user is found by login,
 *   case-insensitively; unknown users, users without a password and users that are not ACTIVE
 *   (STAGED, SUSPENDED, DEPROVISIONED, LOCKED_OUT, ...) all get the same invalid_grant "The
 *   credentials provided were invalid." after the same argon2 work, so the answer reveals nothing;
 *   the System Log (this grant's token event) records the real reason; a wrong password counts a
 *   failed attempt and locks the user out at the org's lockoutThreshold (user.account.lock); a
 *   right password resets the count, sets lastLogin and upgrades a weaker hash;
 * - then the user must be assigned to the app (access_denied "User is not assigned to the client
 *   application."), the app's authentication policy must not DENY them (access_denied), and the
 *   authorization server's policy is evaluated with the user's groups;
 * - tokens per the spec's table: an access token with the granted scopes (the server's defaults
 *   when none are asked for), a refresh token when offline_access is granted and the app has the
 *   refresh_token grant (a new family), an ID token when openid is granted (no nonce). auth_time
 *   is now. Every password grant is a new grant id, carried by its access tokens' jti.
 */
export async function grantPassword(ctx: TokenRequestContext): Promise<OAuthResponse> {
  const { app, client, snapshot, now } = ctx;
  const username = ctx.params.get("username");
  const password = ctx.params.get("password");
  if (!username) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("username"));
  if (!password) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("password"));

  const check = await checkCredentials(app.db, {
    username,
    password,
    ipAddress: ctx.request.ipAddress,
    userAgent: ctx.request.headers.get("user-agent"),
    now,
    clientId: client.clientId,
    rateLimits: client.isConfidential ? "username" : "username-and-address",
    // the token events below are this grant's log
    logFailures: false,
  });
  if (!check.ok) {
    // The attempted username only when it is a user's login (it may be a password typed into the wrong field).
    const debug = { username: loggedLogin(check.user) };
    if (check.rateLimit) {
      const retryAfter = Math.max(1, Math.ceil((check.rateLimit.resetAt.getTime() - now.getTime()) / 1000));
      throw await refuseTokenRequest(ctx, slowDown(TOKEN_MESSAGES.tooManySignInAttempts, retryAfter), check.detail, { user: check.user, debug });
    }
    throw await refuseTokenRequest(ctx, invalidGrant(TOKEN_MESSAGES.invalidCredentials), check.detail, { user: check.user, debug });
  }
  const tokenUser = await loadTokenUser(app.db, check.user.id, snapshot.everyoneGroupId);
  const logUser = { id: check.user.id, login: check.user.login, profile: check.user.profile };
  if (!tokenUser) throw await refuseTokenRequest(ctx, invalidGrant(TOKEN_MESSAGES.invalidCredentials), "INVALID_CREDENTIALS: the user was deleted", { user: logUser });

  const userId = tokenUser.user.id;
  if (!(await isUserAssignedToApp(app.db, client.appId, userId))) {
    throw await refuseTokenRequest(ctx, tokenAccessDenied(TOKEN_MESSAGES.userNotAssigned), "USER_NOT_ASSIGNED", { user: logUser });
  }
  const appSignOn = await decideAppSignOn(app.db, now, { appId: client.appId, userId, groupIds: tokenUser.groupIds, ipAddress: ctx.request.ipAddress });
  if (appSignOn.access === "DENY") {
    const debug = { policyId: appSignOn.matched?.policyId ?? null, ruleId: appSignOn.matched?.ruleId ?? null };
    throw await refuseTokenRequest(ctx, tokenAccessDenied(TOKEN_MESSAGES.appPolicyDenied), appSignOn.denyReason ?? "POLICY_DENY", { user: logUser, debug });
  }
  const requested = parseScopeParam(ctx.params.get("scope"));
  const result = evaluatePolicy({ snapshot, clientId: client.clientId, oktaScopeGrants: client.oktaScopeGrants, grantType: "password", user: { id: userId, groupIds: tokenUser.groupIds }, requestedScopes: requested });
  if (!result.ok) {
    throw await refuseTokenRequest(ctx, policyDenialError(result), result.reason, { user: logUser, debug: { policyId: result.policyId ?? null, requestedScopes: requested?.join(" ") ?? null } });
  }

  const decision = toTokenDecision(result);
  const grantId = randomToken(16);
  const expiresAt = refreshFamilyExpiry(decision, now);
  const refresh =
    result.grantedScopes.includes("offline_access") && client.grantTypes.includes("refresh_token")
      ? await createRefreshToken(app.db, {
          authServerId: snapshot.id,
          clientId: client.clientId,
          userId,
          familyId: grantId,
          scopes: result.grantedScopes,
          authTime: now,
          decision,
          expiresAt,
          now,
        })
      : null;
  return respondWithUserTokens(ctx, {
    tokenUser,
    scopes: result.grantedScopes,
    decision,
    grantId,
    authTime: now,
    refreshToken: refresh,
  });
}
