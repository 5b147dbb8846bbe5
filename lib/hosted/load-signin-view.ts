import type { Db } from "../db/create-db-client";
import { loadActiveClient } from "../apps/load-active-client";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { loadPendingAuthorization } from "../pending-authorizations/load-pending-authorization";
import { pendingFormToken, signinFormToken } from "./hosted-form-token";
import { hostedUrls } from "../http/hosted-urls";
import { safeReturnTo } from "./return-to";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { readSigninError, signinErrorMessage, type SigninError } from "./signin-messages";

export type SigninView =
  | {
      ok: true;
      requestId: string;
      appLabel: string;
      /** https (or http) logo of the app, if it has one */
      logoUri: string | null;
      /** pre-filled: the last attempted username, else login_hint */
      username: string;
      csrfToken: string;
      error: { kind: SigninError; message: string } | null;
    }
  | { ok: false; reason: "expired" | "csrf" }
  /** the request is at its multi-factor step (after the password, or a step-up): the factor page */
  | { ok: false; reason: "factor"; url: string };

/** Only web URLs may become an <img src> (no javascript:, no data: from an app's registration). */
export function safeLogoUri(uri: string | null): string | null {
  return uri && /^https?:\/\//i.test(uri) ? uri : null;
}

/**
 * What the hosted sign-in page shows for `/signin?request=<id>[&error=...]`: the app's label and
 * logo, the username to pre-fill, the error in `locale` (default English) and the CSRF token for the form (pendingFormToken: the browser's
 * cookie for this request, bound to its session). An unknown or expired request, or an app no longer ACTIVE, reads as expired; a browser
 * without the request's cookie gets the CSRF explanation.
 */
export async function loadSigninView(db: Db, input: { requestId: string | null; error: string | null; cookieHeader: string | null; secretsKey: Buffer; now: Date; locale?: Locale }): Promise<SigninView> {
  const pending = await loadPendingAuthorization(db, input.requestId, input.now);
  if (!pending) return { ok: false, reason: "expired" };
  const client = await loadActiveClient(db, pending.clientId);
  if (!client) return { ok: false, reason: "expired" };
  const csrfToken = pendingFormToken(input.secretsKey, pending, input.cookieHeader);
  if (!csrfToken) return { ok: false, reason: "csrf" };
  if (pending.state.mfa) return { ok: false, reason: "factor", url: `/signin/factor?request=${encodeURIComponent(pending.id)}` };
  const kind = readSigninError(input.error);
  return {
    ok: true,
    requestId: pending.id,
    appLabel: client.label,
    logoUri: safeLogoUri(client.logoUri),
    username: pending.state.attemptedUsername ?? pending.state.params.loginHint ?? "",
    csrfToken,
    error: kind ? { kind, message: signinErrorMessage(kind, input.locale ?? DEFAULT_LOCALE) } : null,
  };
}

export type ReturnToSigninView =
  | { ok: true; returnTo: string; csrfToken: string; error: { kind: SigninError; message: string } | null }
  /** the browser has no CSRF cookie yet: go to `/signin/start` (a route, which may set cookies) */
  | { ok: false; reason: "start"; startUrl: string }
  | { ok: false; reason: "csrf" };

/**
 * What the sign-in page shows for `/signin?return_to=<path>[&error=...]` (no authorization request,
 * e.g. the admin console's sign-in): the sanitised return_to (safeReturnTo) and the browser's CSRF
 * token. Without the cookie the page first sends the browser to /signin/start, which sets it and
 * comes back with `started=1`; a browser that still has none (cookies off) gets the CSRF notice
 * instead of a redirect loop.
 */
export function loadReturnToSigninView(input: {
  returnTo: string | null;
  error: string | null;
  started: boolean;
  cookieHeader: string | null;
  secretsKey: Buffer;
  orgUrl: string;
  locale?: Locale;
}): ReturnToSigninView {
  const returnTo = safeReturnTo(input.returnTo, input.orgUrl);
  const csrfToken = signinFormToken(input.secretsKey, input.orgUrl, input.cookieHeader);
  if (!csrfToken) return input.started ? { ok: false, reason: "csrf" } : { ok: false, reason: "start", startUrl: hostedUrls.signinStart("", returnTo) };
  const kind = readSigninError(input.error);
  return { ok: true, returnTo, csrfToken, error: kind ? { kind, message: signinErrorMessage(kind, input.locale ?? DEFAULT_LOCALE) } : null };
}

/** Whether the sign-in page offers "Sign in with a passkey" (the org setting passwordlessPasskeys). */
export async function passwordlessOffered(db: Db): Promise<boolean> {
  return (await readOrgSettings(db)).passwordlessPasskeys;
}
