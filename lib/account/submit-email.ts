import type { AppContext } from "../app-context";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { verifyCurrentPassword } from "../signin/verify-current-password";
import { requestEmailChange } from "../user-tokens/request-email-change";
import { handleAccountPost } from "./account-post";
import { logAccountRefusal, recordAccountEvent } from "./account-event";
import { accountPageUrl, accountSigninUrl } from "./account-urls";
import { needsReauthentication } from "./reauthentication";

/** Where the email-change link leads (the confirm page, loadEmailVerifyView / submitEmailVerify). */
export const EMAIL_VERIFY_PATH = "/account/email/verify";

/**
 * POST /account/email/submit (csrf, email): requestEmailChange: a single-use EMAIL_CHANGE token for
 * the new address (24 hours, replacing the previous one) and the `email-change` email with
 * `{ORG_URL}/account/email/verify?token=` to the new address, logged as user.account.update_profile
 * (`emailChangeRequested`); the stored address changes only when the link is confirmed.
 * A sign-in older than REAUTH_AFTER_MINUTES must confirm the current password (`error=reauth`).
 * `error=invalid|same|rateLimited|reauth`, or `done=sent`. The address never goes into a URL.
 */
export function submitEmail(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return handleAccountPost(app, request, "email", async ({ form, visitor, client }) => {
    const now = app.now();
    // Whoever holds the session cookie must not move the account's email (and so its recovery) to a
    // mailbox of theirs: a sign-in older than REAUTH_AFTER_MINUTES confirms the password first, as
    // removing a sign-in method does (counted like any sign-in attempt).
    if (needsReauthentication(visitor.session.authTime, now)) {
      const password = form.get("password") ?? "";
      const check = password ? await verifyCurrentPassword(app.db, { login: visitor.user.login, password, ipAddress: client.ipAddress, userAgent: client.userAgent, now }) : null;
      if (!check?.ok) {
        if (check) await logAccountRefusal(app.db, { eventType: "user.account.update_profile", displayMessage: "User requested an email change", user: { id: visitor.user.id, login: visitor.user.login }, client, sessionId: visitor.session.id, reason: `${check.reason}: the current password was not confirmed` }, now);
        return seeOther(accountPageUrl(app.orgUrl, "email", { error: check?.ok === false && check.reason === "RATE_LIMITED" ? "rateLimited" : "reauth" }));
      }
    }
    const outcome = await requestEmailChange(
      app.db,
      { userId: visitor.user.id, newEmail: form.get("email") ?? "", verifyUrl: (token) => `${app.orgUrl}${EMAIL_VERIFY_PATH}?token=${encodeURIComponent(token)}`, locale: visitor.locale, orgUrl: app.orgUrl, now },
      (tx, requested) =>
        recordAccountEvent(tx, { eventType: "user.account.update_profile", displayMessage: "User requested an email change", user: requested.user, client, sessionId: visitor.session.id, debug: { emailChangeRequested: true } }, now),
    );
    if (outcome.ok) return seeOther(accountPageUrl(app.orgUrl, "email", { done: "sent" }));
    if (outcome.reason === "gone") return seeOther(accountSigninUrl(app.orgUrl, "email"));
    if (outcome.reason === "rateLimited") return seeOther(accountPageUrl(app.orgUrl, "email", { error: "rateLimited" }));
    return seeOther(accountPageUrl(app.orgUrl, "email", { error: outcome.reason }));
  });
}
