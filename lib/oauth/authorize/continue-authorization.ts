import { isUserAssignedToApp } from "../../assignments/is-user-assigned-to-app";
import { findConsentScopes } from "../../consents/find-consent-scopes";
import { negotiateLocale } from "../../i18n/negotiate-locale";
import type { Db } from "../../db/create-db-client";
import { listFactors } from "../../factors/list-factors";
import type { HostedResponse } from "../../http/hosted-response";
import { hostedUrls } from "../../http/hosted-urls";
import { AUTHORIZE_EVENTS } from "../../pending-authorizations/authorize-events";
import type { AuthorizeParams } from "../../pending-authorizations/authorize-params";
import { createPendingAuthorization } from "../../pending-authorizations/create-pending-authorization";
import { deletePendingAuthorization } from "../../pending-authorizations/delete-pending-authorization";
import type { PendingAuthorization } from "../../pending-authorizations/load-pending-authorization";
import { pendingCookie } from "../../pending-authorizations/pending-cookie";
import type { PendingStatePatch } from "../../pending-authorizations/pending-state";
import { savePendingState } from "../../pending-authorizations/save-pending-state";
import type { SessionInfo } from "../../sessions/types";
import { getNetworkZones } from "../../network-zones/get-network-zones";
import { evaluateAppSignOn, type AppSignOnDecision } from "../../sign-on-policies/evaluate-app-sign-on";
import { getOrgPolicies } from "../../sign-on-policies/get-org-policies";
import { acrRequirement, chooseAcr, hasMultipleFactors } from "../claims/acr-values";
import type { TokenUser } from "../issue/claims-user";
import { loadTokenUser } from "../issue/load-token-user";
import { evaluatePolicy, type PolicyDecision } from "../policy/evaluate-policy";
import type { AuthorizeContext } from "./authorize-context";
import { appDeniedPage } from "./app-denied-page";
import { AUTHORIZE_MESSAGES as M } from "./authorize-messages";
import { buildAuthorizationResponse } from "./build-authorization-response";
import { deliverAuthorizeError } from "./deliver-authorize-error";
import { issueAuthorizationResponse } from "./issue-authorization-response";
import { logAuthorizeEvent } from "./log-authorize-events";

/** Okta's System Log event of a sign-in an app's authentication policy denies ("Application Policy Sign On Access Denied"). */
const APP_SIGN_ON_DENY_EVENT = "application.policy.sign_on.deny_access";

export type AuthorizationFlow = {
  params: AuthorizeParams;
  /** when the request arrived */
  requestedAt: Date;
  /** a session created for this very request (sign-in page, sessionToken): no further sign-in is asked */
  freshSessionId: string | null;
  /** the pending authorization being resumed (null on the first pass) */
  pending: PendingAuthorization | null;
  /** the browser's SSO session, if any */
  session: SessionInfo | null;
  /** Set-Cookie values to send with the answer (a session created from a sessionToken) */
  cookies: string[];
};

/**
 * Decides an authorization request whose parameters are valid, on the first pass or when resumed
 * after sign-in or consent:
 * 1. a denial on the consent page -> access_denied;
 * 2. authentication: no session (or its user is no longer ACTIVE), prompt=login, a session older
 *    than max_age (OIDC Core 3.1.2.1), or an id_token_hint for another user all need a sign-in,
 *    unless the session was created for this very request; so does `acr_values`
 *    urn:okta:loa:1fa:pwd with a session that used no password; with prompt=none ->
 *    login_required, otherwise the request is kept (PendingAuthorization) and the browser goes to
 *    /signin (with `secondFactor` when acr_values asks for two factors);
 *    step-up: acr_values urn:okta:loa:2fa:any (or :ifpossible, for a user with an ACTIVE factor),
 *    or the app's authentication policy (ACCESS_POLICY) rule for the user saying 2FA, and a session
 *    whose amr lacks "mfa" -> the sign-in page asks for a factor only (the pending state's `mfa`
 *    step, stepUp); prompt=none -> login_required;
 *    a session older than the app's authentication policy rule's reauthenticateIn signs in again
 *    (as with max_age);
 *    the app's authentication policy rule for the user says DENY -> access_denied (Okta's
 *    description), with prompt=none through the response mode, otherwise on a clear 403 page that
 *    links back to the app with that error (System Log application.policy.sign_on.deny_access);
 * 3. the user must be assigned to the app -> access_denied;
 * 4. the policy, with the user's groups: authorization_code for `code`, implicit for token and
 *    id_token (both for hybrid requests) -> invalid_scope or access_denied;
 * 5. consent, for apps whose consent_method is REQUIRED: scopes with consent REQUIRED not granted
 *    yet, or all of them with prompt=consent; prompt=none -> consent_required, otherwise /consent;
 * 6. the code and/or tokens, through the response mode; the pending request ends.
 */
export async function continueAuthorization(ctx: AuthorizeContext, flow: AuthorizationFlow): Promise<HostedResponse> {
  const { params } = flow;
  const { app, snapshot, client, now } = ctx;
  const delivery = { redirectUri: params.redirectUri, responseMode: params.responseMode, state: params.state };
  const promptNone = params.prompt.includes("none");

  let session = flow.session;
  let tokenUser: TokenUser | null = null;
  if (session) {
    tokenUser = await loadTokenUser(app.db, session.userId, snapshot.everyoneGroupId);
    if (!tokenUser || tokenUser.user.status !== "ACTIVE") {
      session = null;
      tokenUser = null;
    }
  }
  const logUser = session ? { id: session.userId, login: session.login } : null;
  const fail = (error: string, description: string, reason: string, debug: Record<string, unknown> = {}) =>
    deliverAuthorizeError(ctx, delivery, { error, description }, { reason, user: logUser, pendingId: flow.pending?.id, cookies: flow.cookies, debug });

  if (session && flow.pending?.state.deniedBy === session.userId) return fail("access_denied", M.denied, "CONSENT_DENIED: the user denied the consent request");

  const acr = chooseAcr(params.acrValues);
  const requirement = acrRequirement(acr);
  // The app's authentication policy for the session's user (cached policies: no query when warm).
  const appSignOn = tokenUser
    ? await Promise.all([getOrgPolicies(app.db, now), getNetworkZones(app.db, now)]).then(([policies, zones]) =>
        evaluateAppSignOn(policies, { appId: client.appId, userId: tokenUser!.user.id, groupIds: tokenUser!.groupIds, ipAddress: ctx.request.ipAddress, zones }),
      )
    : null;
  const loginReason = whyLogIn(params, session, flow.freshSessionId, now, requirement.password, appSignOn?.reauthenticate ?? null);
  if (loginReason) {
    if (promptNone) return fail("login_required", M.loginRequired, loginReason);
    const secondFactor = requirement.secondFactor === "no" ? {} : { secondFactor: requirement.secondFactor };
    return challenge(ctx, flow, "signin", loginReason, { ...secondFactor, ...(flow.pending?.state.mfa ? { mfa: undefined } : {}) });
  }
  const user = tokenUser!.user;
  const activeSession = session!;
  const decision = appSignOn!;

  if (decision.access === "DENY") {
    const debug = { policyId: decision.matched?.policyId ?? null, ruleId: decision.matched?.ruleId ?? null };
    logAuthorizeEvent(ctx, { eventType: APP_SIGN_ON_DENY_EVENT, result: "DENY", reason: decision.denyReason ?? "POLICY_DENY", displayMessage: "User denied access to the app by its authentication policy", user: logUser, debug });
    const refused = await fail("access_denied", M.denied, decision.denyReason ?? "POLICY_DENY", debug);
    return promptNone ? refused : appDeniedPage(ctx, refused, { code: "access_denied", description: M.denied });
  }

  const stepUp = await whyStepUp(app.db, secondFactorFor(decision, requirement.secondFactor), activeSession);
  if (stepUp) {
    if (promptNone) return fail("login_required", M.loginRequired, stepUp.reason);
    return challenge(ctx, flow, "signin", stepUp.reason, { mfa: { userId: activeSession.userId, amr: activeSession.amr, step: stepUp.step, stepUp: true } });
  }

  if (!(await isUserAssignedToApp(app.db, client.appId, user.id))) return fail("access_denied", M.notAssigned, "USER_NOT_ASSIGNED");

  const decisions: { code?: PolicyDecision; implicit?: PolicyDecision } = {};
  const grants = [...(params.responseTypes.includes("code") ? (["authorization_code"] as const) : []), ...(params.responseTypes.some((t) => t !== "code") ? (["implicit"] as const) : [])];
  for (const grantType of grants) {
    const result = evaluatePolicy({ snapshot, clientId: client.clientId, oktaScopeGrants: client.oktaScopeGrants, grantType, user: { id: user.id, groupIds: tokenUser!.groupIds }, requestedScopes: params.scopes });
    if (!result.ok) return fail(result.error, result.description, result.reason, { grantType, policyId: result.policyId ?? null, requestedScopes: params.scopes?.join(" ") ?? null });
    decisions[grantType === "implicit" ? "implicit" : "code"] = result;
  }
  const granted = (decisions.implicit ?? decisions.code)!.grantedScopes;

  const consent = await findConsentScopes(app.db, { snapshot, clientId: client.clientId, consentMethod: client.consentMethod, userId: user.id, grantedScopes: granted });
  const consented = flow.pending?.state.consentedBy === user.id;
  const forced = params.prompt.includes("consent") && consent.required.length > 0;
  if (!consented && (consent.missing.length > 0 || forced)) {
    if (promptNone) return fail("consent_required", M.consentRequired, `CONSENT_REQUIRED: ${consent.missing.join(" ")}`);
    return challenge(ctx, flow, "consent", forced ? "PROMPT_CONSENT" : `CONSENT_REQUIRED: ${consent.missing.join(" ")}`, { consentScopes: forced ? consent.required : consent.missing });
  }

  const out = await issueAuthorizationResponse(ctx, { params, session: activeSession, tokenUser: tokenUser!, decisions, acr });
  if (flow.pending) await deletePendingAuthorization(app.db, flow.pending.id);
  // the page's few words (form_post without script) in the request's language; no org default: no read on this path
  const locale = negotiateLocale({ uiLocales: params.uiLocales, acceptLanguage: ctx.request.headers.get("accept-language") });
  const response = buildAuthorizationResponse({ redirectUri: params.redirectUri, responseMode: params.responseMode, params: out, issuer: ctx.issuer, random: ctx.random, locale });
  return flow.cookies.length ? { ...response, cookies: flow.cookies } : response;
}

/**
 * Why the user must (re-)authenticate for this request, or null. `reauthenticate`: the app's
 * authentication policy rule's reauthenticateIn for the session's user, which works as max_age does.
 */
function whyLogIn(
  params: AuthorizeParams,
  session: SessionInfo | null,
  freshSessionId: string | null,
  now: Date,
  passwordRequired: boolean,
  reauthenticate: { period: string; seconds: number } | null,
): string | null {
  if (!session) return "LOGIN_REQUIRED: no active session";
  if (passwordRequired && !session.amr.includes("pwd")) return "LOGIN_REQUIRED: acr_values urn:okta:loa:1fa:pwd and the session used no password";
  if (session.id === freshSessionId) return null;
  if (params.prompt.includes("login")) return "LOGIN_REQUIRED: prompt=login";
  if (params.maxAge !== null && session.authTime.getTime() < now.getTime() - params.maxAge * 1000) return `LOGIN_REQUIRED: the session's authentication is older than max_age ${params.maxAge}`;
  if (reauthenticate !== null && session.authTime.getTime() < now.getTime() - reauthenticate.seconds * 1000) {
    return `LOGIN_REQUIRED: the session's authentication is older than the app's authentication policy allows (reauthenticateIn ${reauthenticate.period})`;
  }
  if (params.idTokenHintSub !== null && params.idTokenHintSub !== session.userId) return "LOGIN_REQUIRED: the id_token_hint names another user";
  return null;
}

type SecondFactor = { wanted: "required" | "if-enrolled" | "no"; by: string };

/**
 * What this request asks of a second factor: acr_values', unless the app's authentication policy
 * rule for the user says 2FA (Okta Identity Engine: AccessPolicyRuleApplicationSignOn
 * verificationMethod.factorMode), which requires one whatever acr_values says.
 */
function secondFactorFor(appSignOn: AppSignOnDecision, acrWants: "required" | "if-enrolled" | "no"): SecondFactor {
  if (acrWants !== "required" && appSignOn.factorMode === "2FA") return { wanted: "required", by: "the app's authentication policy asks" };
  return { wanted: acrWants, by: "acr_values asks" };
}

/**
 * Whether the session needs a second factor for this request (step-up): acr_values or the app's
 * authentication policy asks for two factors (or acr_values for two "if possible" and the user has
 * an ACTIVE factor) and the session's amr lacks "mfa" (RFC 8176). The step is "enroll" when the
 * user has no ACTIVE factor to verify.
 */
async function whyStepUp(db: Db, secondFactor: SecondFactor, session: SessionInfo): Promise<{ reason: string; step: "verify" | "enroll" } | null> {
  if (secondFactor.wanted === "no" || hasMultipleFactors(session.amr)) return null;
  const enrolled = (await listFactors(db, session.userId)).some((factor) => factor.status === "ACTIVE");
  if (!enrolled && secondFactor.wanted === "if-enrolled") return null;
  return { reason: `STEP_UP_REQUIRED: ${secondFactor.by} for two factors and the session used one`, step: enrolled ? "verify" : "enroll" };
}

/**
 * Sends the browser to the sign-in or consent page for this request: stores it on the first pass
 * (with the CSRF cookie that binds it to this browser), or updates the stored state.
 */
async function challenge(ctx: AuthorizeContext, flow: AuthorizationFlow, page: "signin" | "consent", reason: string, patch: PendingStatePatch = {}): Promise<HostedResponse> {
  const { app } = ctx;
  const cookies = [...flow.cookies];
  let pendingId: string;
  if (flow.pending) {
    pendingId = flow.pending.id;
    if (Object.keys(patch).length > 0) await savePendingState(app.db, flow.pending, patch);
  } else {
    const created = await createPendingAuthorization(app.db, {
      authServerId: ctx.snapshot.id,
      state: { params: flow.params, requestedAt: flow.requestedAt.toISOString(), ...(flow.freshSessionId ? { signedInSessionId: flow.freshSessionId } : {}), ...patch },
      now: ctx.now,
      random: ctx.random,
    });
    pendingId = created.id;
    cookies.push(pendingCookie(created.id, created.csrfToken, app.orgUrl));
  }
  logAuthorizeEvent(
    ctx,
    {
      eventType: AUTHORIZE_EVENTS.authorize,
      result: "CHALLENGE",
      reason,
      displayMessage: page === "signin" ? "OAuth2 authorization request needs the user to sign in" : "OAuth2 authorization request needs the user's consent",
      user: flow.session ? { id: flow.session.userId, login: flow.session.login } : null,
      debug: { pendingAuthorizationId: pendingId },
    },
    { responseType: flow.params.responseTypes.join(" "), responseMode: flow.params.responseMode, scopes: flow.params.scopes?.join(" ") ?? null },
  );
  const location = page === "signin" ? hostedUrls.signin(app.orgUrl, pendingId) : hostedUrls.consent(app.orgUrl, pendingId);
  return { status: 302, headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" }, ...(cookies.length ? { cookies } : {}) };
}
