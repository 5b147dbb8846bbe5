import type { AppContext } from "../app-context";
import type { Locale } from "../i18n/locales";
import { profileLocaleOf } from "../mail/mail-recipient";
import { negotiateOrgLocale } from "../org-settings/negotiate-org-locale";
import { readSession } from "../sessions/read-session";
import { readSessionCookie } from "../sessions/session-cookie";
import type { SessionInfo } from "../sessions/types";
import { findUser } from "../users/find-user";
import { accountFormToken } from "./account-csrf";

/** The signed-in user My Account serves, as a page or a form post sees them. */
export type AccountVisitor = {
  /** the session cookie's value (binds the forms' CSRF field; never shown) */
  sid: string;
  session: SessionInfo;
  user: { id: string; login: string; email: string; profile: Record<string, unknown> };
  locale: Locale;
  /** the CSRF field of this session's forms */
  csrf: string;
};

export type AccountRequest = { cookieHeader: string | null; acceptLanguage: string | null };

/**
 * Who is visiting My Account: the live session of the browser's `sid` cookie (lib/sessions
 * readSession: not ended, not expired, its user ACTIVE) and its user, or null (the page sends the
 * browser to the hosted sign-in). The language (negotiateOrgLocale): the user's profile `locale`,
 * then Accept-Language, then the org default.
 */
export async function loadAccountVisitor(app: Pick<AppContext, "db" | "secretsKey" | "now">, request: AccountRequest): Promise<AccountVisitor | null> {
  const sid = readSessionCookie(request.cookieHeader);
  if (!sid) return null;
  const session = await readSession(app.db, sid, app.now());
  if (!session) return null;
  const row = await findUser(app.db, session.userId);
  const profile = (row.profile && typeof row.profile === "object" && !Array.isArray(row.profile) ? row.profile : {}) as Record<string, unknown>;
  return {
    sid,
    session,
    user: { id: row.id, login: row.login, email: row.email, profile },
    locale: await negotiateOrgLocale(app.db, { profileLocale: profileLocaleOf({ profile }), acceptLanguage: request.acceptLanguage }),
    csrf: accountFormToken(app.secretsKey, sid),
  };
}
