import { hashToken } from "../crypto/hash-token";
import { checkFormToken, formToken } from "../http/form-token";

const PURPOSE = "account-form";

/*
 * The hidden `csrf` field of every My Account form: the HMAC (formToken, the mechanism of the hosted
 * sign-in forms, under its own purpose key derived from APP_SECRET) of the SHA-256 of the browser's
 * session cookie. Only this server can make it, it is the same on every page of one session (the
 * forms work without JavaScript and in several tabs), and a field taken from another session never
 * passes: a forged post from another site lacks it, and the post's Origin is checked too
 * (isSameOriginPost).
 */

/** The field for the session whose cookie value is `sid`. */
export function accountFormToken(secretsKey: Buffer, sid: string): string {
  return formToken(secretsKey, PURPOSE, [hashToken(sid)]);
}

/** Whether a posted field is this session's, in constant time. */
export function checkAccountForm(secretsKey: Buffer, sid: string, field: string | null | undefined): boolean {
  return checkFormToken(secretsKey, PURPOSE, [hashToken(sid)], field);
}
