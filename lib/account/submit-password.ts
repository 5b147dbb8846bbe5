import type { AppContext } from "../app-context";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { checkPasswordPolicy } from "../passwords/check-password-policy";
import { verifyCurrentPassword } from "../signin/verify-current-password";
import { changeOwnPassword } from "../users/change-own-password";
import { logAccountRefusal, recordAccountEvent } from "./account-event";
import { handleAccountPost } from "./account-post";
import { accountPageUrl, accountSigninUrl } from "./account-urls";

const EVENT = "user.account.update_password";
const CHECK_ERRORS = { INVALID_CREDENTIALS: "wrong", LOCKED_OUT: "wrong", RATE_LIMITED: "rateLimited", BLOCKED: "blocked" } as const;

/**
 * POST /account/password/submit (csrf, current, password, confirm). Refused without a change, back
 * to /account/password with `error=`: `missing`, `mismatch` (the two new ones differ), `policy`
 * (the password policy, checked before the current password so a weak choice costs no attempt),
 * `wrong` (verifyCurrentPassword: the sign-in limits and lockout count it; logged as
 * user.account.update_password FAILURE), `rateLimited`. Then changeOwnPassword: the new password,
 * the other sessions ended and the user's tokens revoked when the org setting
 * passwordChangeEndsSessions is on, the `password-changed` email, user.account.update_password.
 * No password ever reaches a URL or a log.
 */
export function submitPassword(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return handleAccountPost(app, request, "password", async ({ form, visitor, client }) => {
    const now = app.now();
    const back = (error: string) => seeOther(accountPageUrl(app.orgUrl, "password", { error }));
    const current = form.get("current") ?? "";
    const next = form.get("password") ?? "";
    const confirm = form.get("confirm") ?? "";
    if (!current || !next || !confirm) return back("missing");
    if (next !== confirm) return back("mismatch");
    const event = { eventType: EVENT, displayMessage: "User update password", user: { id: visitor.user.id, login: visitor.user.login }, client, sessionId: visitor.session.id };
    if (checkPasswordPolicy(next, visitor.user.login).length > 0) return back("policy");
    const check = await verifyCurrentPassword(app.db, { login: visitor.user.login, password: current, ipAddress: client.ipAddress, userAgent: client.userAgent, now });
    if (!check.ok) {
      await logAccountRefusal(app.db, { ...event, reason: `${check.reason}: the current password was not confirmed` }, now);
      return back(CHECK_ERRORS[check.reason]);
    }
    const { passwordChangeEndsSessions } = await readOrgSettings(app.db);
    const outcome = await changeOwnPassword(
      app.db,
      { userId: visitor.user.id, newPassword: next, currentSessionId: visitor.session.id, endOtherSessions: passwordChangeEndsSessions, locale: visitor.locale, orgUrl: app.orgUrl, context: { client, debug: { via: "my_account_password_change" } }, now },
      (tx, changed) => recordAccountEvent(tx, { ...event, debug: { otherSessionsEnded: changed.sessionIds.length, grantsRevoked: changed.grantsRevoked } }, now),
    );
    if (outcome.ok) return seeOther(accountPageUrl(app.orgUrl, "password", { done: passwordChangeEndsSessions ? "changedEverywhere" : "changed" }));
    if (outcome.reason === "policy") return back("policy");
    return seeOther(accountSigninUrl(app.orgUrl, "password"));
  });
}
