import { hostedUrls } from "../http/hosted-urls";

/** Where the account pages live (relative: for redirect() and links; absolute with ORG_URL for 303s). */
export const recoveryPaths = {
  forgot: (fields: Record<string, string>, extra: Record<string, string> = {}) => withQuery("/signin/forgot-password", { ...fields, ...extra }),
  resetPassword: (token: string, extra: Record<string, string> = {}) => withQuery(`/signin/reset-password/${encodeURIComponent(token)}`, extra),
  welcome: (token: string, extra: Record<string, string> = {}) => withQuery(`/signin/welcome/${encodeURIComponent(token)}`, extra),
  register: (fields: Record<string, string>, extra: Record<string, string> = {}) => withQuery("/signin/register", { ...fields, ...extra }),
  verifyEmail: (token: string, extra: Record<string, string> = {}) => withQuery(`/signin/verify-email/${encodeURIComponent(token)}`, extra),
  expiredPassword: (fields: Record<string, string>, extra: Record<string, string> = {}) => withQuery("/signin/expired-password", { ...fields, ...extra }),
  /** sets the sign-in CSRF cookie the account pages' forms are bound to, then back to `next` */
  begin: (next: string) => `/signin/begin?next=${encodeURIComponent(next)}`,
  /** the sign-in page of a flow ({request} or {return_to}) */
  signin: (fields: Record<string, string>) => (fields.request !== undefined ? hostedUrls.signin("", fields.request) : hostedUrls.signinReturnTo("", fields.return_to ?? "/")),
};

function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** The account pages /signin/begin may send the browser back to (with their query; a token is base64url). */
const RECOVERY_PAGE = /^\/signin\/(?:forgot-password|expired-password|register|reset-password\/[A-Za-z0-9_-]{1,256}|welcome\/[A-Za-z0-9_-]{1,256}|verify-email\/[A-Za-z0-9_-]{1,256})(?:\?[^#\\\s\u0000-\u001f\u007f]*)?$/;

/** `next` of /signin/begin when it is one of the account pages on this origin, else null (never an open redirect). */
export function safeRecoveryNext(value: string | null | undefined): string | null {
  return value && value.length <= 4096 && RECOVERY_PAGE.test(value) ? value : null;
}
