import type { AppContext } from "../app-context";
import { listFactors } from "../factors/list-factors";
import { hostedUrls } from "../http/hosted-urls";
import { loadPendingAuthorization, type PendingAuthorization } from "../pending-authorizations/load-pending-authorization";
import type { PendingMfa } from "../pending-authorizations/pending-state";
import { savePendingState } from "../pending-authorizations/save-pending-state";
import { checkPendingForm, checkSigninForm, pendingFormToken, signinFormToken } from "./hosted-form-token";
import { safeReturnTo } from "./return-to";
import { readSigninCsrfToken } from "./signin-csrf";
import { clearSigninMfaCookie, hasSigninMfaCookie, readSigninMfaCookie, signinMfaCookie } from "./signin-mfa-cookie";
import type { SigninError } from "./signin-messages";
import { buildEndpointUrl } from "../authorization-servers/build-issuer";

/**
 * One hosted sign-in in progress, whichever kind, so the factor step (advanceSignIn, the factor
 * page, its form and the passkey options) is the same for both:
 * - an authorization request (`request=<id>`): its state is the pending authorization's (`mfa`),
 *   it ends at the authorize resume step;
 * - a sign-in without one (`return_to=<path>`, the admin console's): its state is the browser's
 *   signed `signin_mfa` cookie (signin-mfa-cookie.ts), it ends at the sanitised return_to.
 */
export type SignInFlow = {
  /** the hidden fields (and query) naming the flow: {request} or {return_to} */
  fields: Record<string, string>;
  /** the app the sign-in is for (log context), if any */
  clientId: string | null;
  /** the app's ui_locales (the pages' language), if any */
  uiLocales: string | null;
  /** the multi-factor step in progress, if any */
  mfa: PendingMfa | undefined;
  /** the CSRF field its forms carry for this browser, or null when the browser lacks the cookie */
  formToken: string | null;
  /** whether a posted `csrf` field is this browser's binding */
  checkForm(field: string | null | undefined): boolean;
  /** the app asked for a second factor whatever the policy (decideSignInStep's stepUp) */
  needsStepUp(userId: string): Promise<boolean>;
  /** records the multi-factor step (undefined: none); the Set-Cookie headers to send with the answer */
  saveMfa(mfa: PendingMfa | undefined): Promise<string[]>;
  /** back to the sign-in page with an error (the step forgotten) */
  signinUrl(error: SigninError): string;
  /** the sign-in ended with session `sessionId`: where the browser goes, and cookies to send */
  finish(sessionId: string): Promise<{ url: string; cookies: string[] }>;
};

/** What a flow needs from the process. */
export type FlowContext = Pick<AppContext, "db" | "orgUrl" | "secretsKey" | "now">;

/** Where the factor step of a flow lives. */
export function factorStepUrl(orgUrl: string, fields: Record<string, string>, extra: { error?: string; factor?: string } = {}): string {
  const query = new URLSearchParams({ ...fields, ...(extra.factor ? { factor: extra.factor } : {}), ...(extra.error ? { error: extra.error } : {}) });
  return `${orgUrl}/signin/factor?${query.toString()}`;
}

/**
 * Whether this sign-in must verify a second factor whatever the policy: a step-up of an existing
 * session (the pending `mfa.stepUp`), or acr_values asking for two factors (`secondFactor`:
 * "required", or "if-enrolled" and the user has an ACTIVE factor).
 */
async function pendingNeedsStepUp(app: FlowContext, pending: PendingAuthorization, userId: string): Promise<boolean> {
  if (pending.state.mfa?.stepUp) return true;
  const wanted = pending.state.secondFactor;
  if (wanted === "required") return true;
  if (wanted !== "if-enrolled") return false;
  return (await listFactors(app.db, userId)).some((factor) => factor.status === "ACTIVE");
}

/** The flow of a pending authorization request. */
export function pendingSignInFlow(app: FlowContext, pending: PendingAuthorization, cookieHeader: string | null): SignInFlow {
  let current = pending;
  return {
    fields: { request: pending.id },
    clientId: pending.clientId,
    uiLocales: pending.state.params.uiLocales,
    mfa: pending.state.mfa,
    formToken: pendingFormToken(app.secretsKey, pending, cookieHeader),
    checkForm: (field) => checkPendingForm(app.secretsKey, pending, cookieHeader, field),
    needsStepUp: (userId) => pendingNeedsStepUp(app, current, userId),
    saveMfa: async (mfa) => {
      current = { ...current, state: await savePendingState(app.db, current, { mfa, attemptedUsername: undefined }) };
      return [];
    },
    signinUrl: (error) => hostedUrls.signin(app.orgUrl, pending.id, error),
    finish: async (sessionId) => {
      await savePendingState(app.db, current, { signedInSessionId: sessionId, attemptedUsername: undefined, mfa: undefined });
      return { url: hostedUrls.resume(buildEndpointUrl(app.orgUrl, pending.authServerId, "authorize/resume"), pending.id), cookies: [] };
    },
  };
}

/**
 * The flow of a sign-in without an authorization request, or null when the browser holds no
 * sign-in CSRF cookie minted here (nothing to bind its state to).
 */
export function returnToSignInFlow(app: FlowContext, returnToValue: string | null | undefined, cookieHeader: string | null): SignInFlow | null {
  const csrfCookie = readSigninCsrfToken(cookieHeader, app.secretsKey, app.orgUrl);
  if (!csrfCookie) return null;
  const returnTo = safeReturnTo(returnToValue, app.orgUrl);
  const now = app.now();
  // the cookie is only cleared when the browser sent one (a password-only sign-in sets none)
  const held = hasSigninMfaCookie(app.orgUrl, cookieHeader);
  const clear = () => (held ? [clearSigninMfaCookie(app.orgUrl)] : []);
  return {
    fields: { return_to: returnTo },
    clientId: null,
    uiLocales: null,
    mfa: readSigninMfaCookie(app.secretsKey, app.orgUrl, { cookieHeader, csrfCookie, now }) ?? undefined,
    formToken: signinFormToken(app.secretsKey, app.orgUrl, cookieHeader),
    checkForm: (field) => checkSigninForm(app.secretsKey, app.orgUrl, cookieHeader, field),
    needsStepUp: async () => false,
    saveMfa: async (mfa) => (mfa ? [signinMfaCookie(app.secretsKey, app.orgUrl, { mfa, csrfCookie, now: app.now() })] : clear()),
    signinUrl: (error) => hostedUrls.signinReturnTo(app.orgUrl, returnTo, { error }),
    finish: async () => ({ url: `${app.orgUrl}${returnTo}`, cookies: clear() }),
  };
}

export type FlowLookup = { ok: true; flow: SignInFlow } | { ok: false; reason: "expired" | "csrf" };

/**
 * The flow a form post or page names: `request` (a pending authorization: unknown or expired ->
 * "expired"), else `return_to` (the browser must hold the sign-in CSRF cookie, else "csrf").
 */
export async function loadSignInFlow(app: FlowContext, names: { request: string | null | undefined; returnTo: string | null | undefined; hasRequest: boolean }, cookieHeader: string | null): Promise<FlowLookup> {
  if (names.hasRequest) {
    const pending = await loadPendingAuthorization(app.db, names.request ?? null, app.now());
    return pending ? { ok: true, flow: pendingSignInFlow(app, pending, cookieHeader) } : { ok: false, reason: "expired" };
  }
  const flow = returnToSignInFlow(app, names.returnTo, cookieHeader);
  return flow ? { ok: true, flow } : { ok: false, reason: "csrf" };
}
