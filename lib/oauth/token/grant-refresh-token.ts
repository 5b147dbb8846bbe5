import { oktaScopesNotAllowedDescription } from "../policy/evaluate-policy";
import { isOktaScope, isOktaScopeGranted } from "../policy/okta-scope-grants";
import { isUserAssignedToApp } from "../../assignments/is-user-assigned-to-app";
import { decideAppSignOn } from "../../sign-on-policies/decide-app-sign-on";
import { invalidGrant, invalidRequest, invalidScope } from "../errors/oauth-error";
import type { OAuthResponse } from "../request/oauth-request";
import type { CreatedRefreshToken } from "../issue/create-refresh-token";
import { extendRefreshTokenWindow } from "../issue/extend-refresh-token-window";
import { findRefreshToken } from "../issue/find-refresh-token";
import { loadTokenUser } from "../issue/load-token-user";
import { isWithinGrace, MAX_GRACE_SIBLINGS, rotateRefreshToken, type PresentedRefreshToken, type ReuseReason } from "../issue/rotate-refresh-token";
import { toTokenDecision } from "../issue/token-decision";
import { readStringList } from "../snapshot/read-string-list";
import { revokeGrantAtomically } from "../tokens/revoke-grant-atomically";
import { parseScopeParam } from "./parse-scope-param";
import { readOrgSettings } from "../../org-settings/read-org-settings";
import { refuseTokenRequest } from "./refuse-token-request";
import { respondWithUserTokens } from "./respond-with-user-tokens";
import { TOKEN_MESSAGES } from "../errors/token-messages";
import type { TokenRequestContext } from "./token-request-context";

/**
 * grant_type=refresh_token (RFC 6749 6, RFC 9700 4.14). Every failure is invalid_grant "The refresh
 * token is invalid or expired." (okta-auth-js drops its stored token on exactly that text); the
 * System Log has the reason. In order:
 * 1. the token (looked up by its SHA-256) exists and belongs to this server and client;
 * 2. it is not REVOKED;
 * 3. a ROTATED token after the org's grace period (refreshTokenGraceSeconds, 0-60, default 30; 0 =
 *    none) is a reuse: the whole family is revoked (refresh tokens and, through the grant marker,
 *    access tokens). Within the grace period it may be exchanged again (parallel tabs), within
 *    bounds, see rotateRefreshToken, which decides again under the family's lock;
 * 4. the family's absolute lifetime (expiresAt, null = unlimited) and, for an ACTIVE token, its
 *    sliding window (windowEndsAt) have not passed;
 * 5. the user is still ACTIVE and assigned to the app;
 * 6. the app's authentication policy (ACCESS_POLICY) does not DENY the user now, evaluated as at
 *    /authorize and the password grant (evaluateAppSignOn on the cached policies and zones: no query
 *    while warm) with the user's current groups and this request's client address: a rule added,
 *    a group joined or a network left since the token was issued ends the refreshes. The answer
 *    is invalid_grant (RFC 6749 5.2: the grant is no longer valid for this request; access_denied
 *    is no token endpoint error) with the same text as every refresh failure, so a client drops
 *    the token and signs in again, where /authorize shows the denial; the System Log entry's
 *    outcome is DENY with the rule. A refused request changes nothing: the token is not consumed,
 *    rotated, revoked or its window extended (5.2 refuses the request, not the grant), so it works
 *    again if the policy allows it later (another network, the rule removed) within its lifetimes.
 *    Only `access` is re-checked: the rule's factor mode and reauthenticateIn ask for an
 *    interactive sign-in, which a refresh has not; they apply at the next /authorize.
 * `scope` may only narrow the token's scopes (a scope it does not hold: invalid_scope); absent, the
 * token's scopes apply, less any okta.* scope the app is no longer granted (isOktaScopeGranted).
 * The authorization server's policy is not evaluated again: the decision stored with the family sets
 * the lifetimes.
 *
 * Per the spec's table, a new refresh token is returned only when offline_access is among the
 * (narrowed) scopes; only then is the presented token rotated (a new ACTIVE token of the family with
 * a fresh window and the family's scopes; the presented one becomes ROTATED). Otherwise the
 * presented token stays ACTIVE and its window restarts (it was exercised). An ID token is returned
 * when openid is in scope (auth_time of the original sign-in, no nonce). Access tokens carry the
 * family id in their jti.
 */
export async function grantRefreshToken(ctx: TokenRequestContext): Promise<OAuthResponse> {
  const { app, client, snapshot, now } = ctx;
  const value = ctx.params.get("refresh_token");
  if (!value) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("refresh_token"));

  const row = await findRefreshToken(app.db, value);
  const refuse = (reason: string, user?: { id: string; login: string; profile?: Record<string, unknown> } | null) =>
    refuseTokenRequest(ctx, invalidGrant(TOKEN_MESSAGES.refreshInvalid), reason, { user, debug: row ? { refreshTokenId: row.id, grantId: row.familyId } : {} });

  if (!row) throw await refuse("INVALID_REFRESH_TOKEN: unknown refresh token");
  const { family } = row;
  if (family.authServerId !== snapshot.id || family.clientId !== client.clientId) throw await refuse("INVALID_REFRESH_TOKEN: the token was issued to another client or authorization server");
  if (row.status === "REVOKED") throw await refuse("INVALID_REFRESH_TOKEN: the token was revoked");

  const { refreshTokenGraceSeconds } = await readOrgSettings(app.db);
  if (row.status === "ROTATED" && !isWithinGrace(row.rotated, refreshTokenGraceSeconds, now)) {
    throw await reused(ctx, row.familyId, row.id, refreshTokenGraceSeconds > 0 ? "grace_period_over" : "no_grace_period");
  }
  if (family.expiresAt && family.expiresAt.getTime() <= now.getTime()) throw await refuse("INVALID_REFRESH_TOKEN: the family reached its absolute lifetime");
  if (row.status === "ACTIVE" && row.windowEndsAt.getTime() <= now.getTime()) throw await refuse("INVALID_REFRESH_TOKEN: the token was not used within its sliding window");

  const tokenUser = await loadTokenUser(app.db, family.userId, snapshot.everyoneGroupId);
  const logUser = tokenUser?.user ?? null;
  if (!tokenUser || tokenUser.user.status !== "ACTIVE") throw await refuse(`INVALID_REFRESH_TOKEN: the user is ${tokenUser?.user.status ?? "gone"}`, logUser);
  if (!(await isUserAssignedToApp(app.db, client.appId, family.userId))) throw await refuse("INVALID_REFRESH_TOKEN: the user is no longer assigned to the app", logUser);
  const appSignOn = await decideAppSignOn(app.db, now, { appId: client.appId, userId: family.userId, groupIds: tokenUser.groupIds, ipAddress: ctx.request.ipAddress });
  if (appSignOn.access === "DENY") {
    throw await refuseTokenRequest(ctx, invalidGrant(TOKEN_MESSAGES.refreshInvalid), appSignOn.denyReason ?? "POLICY_DENY", {
      user: logUser,
      deny: true,
      debug: { refreshTokenId: row.id, grantId: row.familyId, policyId: appSignOn.matched?.policyId ?? null, ruleId: appSignOn.matched?.ruleId ?? null },
    });
  }

  const held = readStringList(family.scopes);
  const requested = parseScopeParam(ctx.params.get("scope"));
  const broader = (requested ?? []).filter((name) => !held.includes(name));
  if (broader.length > 0) {
    throw await refuseTokenRequest(ctx, invalidScope(TOKEN_MESSAGES.refreshScopeBroader), `INVALID_SCOPE: not granted to the refresh token: ${broader.join(" ")}`, {
      user: logUser,
      debug: { refreshTokenId: row.id, grantId: row.familyId },
    });
  }
  // OAuth 2.0 for Okta: an okta.* scope whose grant the app lost is not carried into new tokens
  const wanted = requested ?? held;
  const scopes = wanted.filter((name) => !isOktaScope(name) || isOktaScopeGranted(client.oktaScopeGrants, name));
  if (scopes.length === 0) {
    throw await refuseTokenRequest(ctx, invalidScope(oktaScopesNotAllowedDescription(wanted)), `INVALID_SCOPE: the app is no longer granted ${wanted.join(" ")}`, {
      user: logUser,
      debug: { refreshTokenId: row.id, grantId: row.familyId },
    });
  }
  const decision = toTokenDecision(family.decision);
  const presented: PresentedRefreshToken = { id: row.id, familyId: row.familyId, decision, expiresAt: family.expiresAt };

  let refreshToken: CreatedRefreshToken | null = null;
  let grace = false;
  if (scopes.includes("offline_access")) {
    const rotation = await rotateRefreshToken(app.db, presented, { graceSeconds: refreshTokenGraceSeconds, now });
    if (!rotation.ok) {
      if (rotation.reason === "reused") throw await reused(ctx, row.familyId, row.id, rotation.why);
      if (rotation.reason === "grace_exhausted") {
        throw await refuse(`INVALID_REFRESH_TOKEN: the rotated token already yielded ${MAX_GRACE_SIBLINGS} more tokens within the grace period`, logUser);
      }
      throw await refuse("INVALID_REFRESH_TOKEN: the token was revoked", logUser);
    }
    ({ grace } = rotation);
    refreshToken = rotation;
  } else if (row.status === "ACTIVE") {
    await extendRefreshTokenWindow(app.db, { id: row.id, decision, now });
  }

  return respondWithUserTokens(ctx, {
    tokenUser,
    scopes,
    decision,
    grantId: row.familyId,
    authTime: family.authTime ?? row.created,
    refreshToken,
    debug: { refreshTokenId: row.id, ...(refreshToken ? { rotatedTo: refreshToken.id, withinGracePeriod: grace } : {}) },
  });
}

const REUSE_DETAIL: Record<ReuseReason, string> = {
  no_grace_period: "a rotated refresh token was used again (no grace period)",
  grace_period_over: "a rotated refresh token was used after the grace period",
  superseded: "a rotated refresh token was used after a later token of its family was rotated",
};

/** A rotated refresh token used again outside its grace: the family dies (RFC 9700 4.14.2). */
async function reused(ctx: TokenRequestContext, familyId: string, refreshTokenId: string, why: ReuseReason) {
  await revokeGrantAtomically(ctx.app.db, ctx.snapshot.id, familyId, ctx.now);
  return refuseTokenRequest(ctx, invalidGrant(TOKEN_MESSAGES.refreshInvalid), `REFRESH_TOKEN_REUSE: ${REUSE_DETAIL[why]}; grant ${familyId} revoked`, {
    debug: { refreshTokenId, grantId: familyId },
  });
}
