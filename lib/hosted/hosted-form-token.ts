import { hashToken } from "../crypto/hash-token";
import { readPendingCsrfToken } from "../pending-authorizations/pending-cookie";
import { readSessionCookie } from "../sessions/session-cookie";
import { checkFormToken, formToken } from "../http/form-token";
import { readSigninCsrfToken } from "./signin-csrf";

const PURPOSE = "hosted-form";

/*
 * The hidden `csrf` field of the hosted sign-in and consent forms is not the browser's CSRF cookie
 * itself (whose value then never appears in a page) but an HMAC (formToken) binding that cookie to
 * the form's flow (the pending request's id, or the sign-in without one) and to the browser's
 * session cookie (its SHA-256; "" without one). A cookie/field pair taken from another browser,
 * pending request or session (e.g. an attacker's own, planted in the victim's browser) does not
 * pass for the victim's request or session.
 */

const pendingFlow = (pendingId: string) => `authz:${pendingId}`;
const SIGNIN_FLOW = "signin";

/** The field of a pending request's form: from its cookie (authz_<id>) when the browser holds the right one, else null. */
export function pendingFormToken(secretsKey: Buffer, pending: { id: string; csrfHash: string }, cookieHeader: string | null): string | null {
  const cookie = readPendingCsrfToken(pending, cookieHeader);
  return cookie && formToken(secretsKey, PURPOSE, bindingParts(pendingFlow(pending.id), cookie, cookieHeader));
}

/** A pending request's form post: the browser's cookie matches the request (its stored hash) and the field is that cookie's binding. */
export function checkPendingForm(secretsKey: Buffer, pending: { id: string; csrfHash: string }, cookieHeader: string | null, field: string | null | undefined): boolean {
  const cookie = readPendingCsrfToken(pending, cookieHeader);
  return cookie !== null && checkFormToken(secretsKey, PURPOSE, bindingParts(pendingFlow(pending.id), cookie, cookieHeader), field);
}

/** The field of the sign-in form without an authorization request: from the sign-in CSRF cookie when the browser holds one, else null. */
export function signinFormToken(secretsKey: Buffer, orgUrl: string, cookieHeader: string | null): string | null {
  const cookie = readSigninCsrfToken(cookieHeader, secretsKey, orgUrl);
  return cookie && formToken(secretsKey, PURPOSE, bindingParts(SIGNIN_FLOW, cookie, cookieHeader));
}

export function checkSigninForm(secretsKey: Buffer, orgUrl: string, cookieHeader: string | null, field: string | null | undefined): boolean {
  const cookie = readSigninCsrfToken(cookieHeader, secretsKey, orgUrl);
  return cookie !== null && checkFormToken(secretsKey, PURPOSE, bindingParts(SIGNIN_FLOW, cookie, cookieHeader), field);
}

function bindingParts(flow: string, cookieToken: string, cookieHeader: string | null): string[] {
  const sid = readSessionCookie(cookieHeader);
  return [flow, cookieToken, sid ? hashToken(sid) : ""];
}
