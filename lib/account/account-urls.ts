import { hostedUrls } from "../http/hosted-urls";

/** My Account's pages (relative paths: the pages' links and the 303s' targets under ORG_URL). */
export const ACCOUNT_PAGES = {
  profile: "/account",
  password: "/account/password",
  email: "/account/email",
  sessions: "/account/sessions",
  apps: "/account/apps",
  methods: "/account/sign-in-methods",
} as const;
export type AccountPage = keyof typeof ACCOUNT_PAGES;

/** A page of My Account with a notice (`done`) or an error (`error`) for it to show; absolute. */
export function accountPageUrl(orgUrl: string, page: AccountPage, notice: { done?: string; error?: string; count?: number; app?: string; fields?: string } = {}): string {
  const query = new URLSearchParams();
  if (notice.done) query.set("done", notice.done);
  if (notice.error) query.set("error", notice.error);
  if (notice.count !== undefined) query.set("count", String(notice.count));
  if (notice.app) query.set("app", notice.app);
  if (notice.fields) query.set("fields", notice.fields);
  const search = query.toString();
  return `${orgUrl}${ACCOUNT_PAGES[page]}${search ? `?${search}` : ""}`;
}

/** The hosted sign-in, back to a page of My Account afterwards (a browser without a session, or re-authentication). */
export function accountSigninUrl(orgUrl: string, page: AccountPage): string {
  return hostedUrls.signinReturnTo(orgUrl, ACCOUNT_PAGES[page]);
}
