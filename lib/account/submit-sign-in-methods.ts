import type { AppContext } from "../app-context";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { removeOwnFactor } from "../signin/remove-own-factor";
import { verifyCurrentPassword } from "../signin/verify-current-password";
import { logAccountRefusal, recordAccountEvent } from "./account-event";
import { handleAccountPost } from "./account-post";
import { accountPageUrl } from "./account-urls";
import { needsReauthentication } from "./reauthentication";

const EVENT = "user.mfa.factor.deactivate";

/**
 * POST /account/sign-in-methods/submit (csrf, factor, and `password` when the session's sign-in is
 * older than REAUTH_AFTER_MINUTES): the user removes one of their factors. A stale session must
 * confirm the current password first (verifyCurrentPassword: counted like any sign-in attempt;
 * `error=reauth`, logged FAILURE). Then removeOwnFactor: refused (`error=` the reason) when the
 * enrollment or sign-on policy needs the factor; another user's factor or one already gone:
 * `error=gone`. Success is logged as user.mfa.factor.deactivate with the user as actor.
 */
export function submitSignInMethods(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return handleAccountPost(app, request, "methods", async ({ form, visitor, client }) => {
    const now = app.now();
    const back = (notice: { done?: string; error?: string }) => seeOther(accountPageUrl(app.orgUrl, "methods", notice));
    const factorId = form.get("factor") ?? "";
    const user = { id: visitor.user.id, login: visitor.user.login };
    const event = { eventType: EVENT, displayMessage: "User reset factor", user, client, sessionId: visitor.session.id };
    if (needsReauthentication(visitor.session.authTime, now)) {
      const password = form.get("password") ?? "";
      const check = password ? await verifyCurrentPassword(app.db, { login: user.login, password, ipAddress: client.ipAddress, userAgent: client.userAgent, now }) : null;
      if (!check?.ok) {
        if (check) await logAccountRefusal(app.db, { ...event, reason: `${check.reason}: the current password was not confirmed`, debug: { factorId } }, now);
        return back({ error: check?.ok === false && check.reason === "RATE_LIMITED" ? "rateLimited" : "reauth" });
      }
    }
    const outcome = await removeOwnFactor(app.db, { userId: user.id, factorId, ipAddress: client.ipAddress, now }, (tx, factor) =>
      recordAccountEvent(tx, { ...event, targets: [{ id: factor.id, type: "Factor", alternateId: `${factor.factorType} ${factor.provider}` }], debug: { factorType: factor.factorType, provider: factor.provider } }, now),
    );
    if (outcome.ok) return back({ done: "removed" });
    if (outcome.reason !== "gone") await logAccountRefusal(app.db, { ...event, reason: `POLICY: ${outcome.reason}`, debug: { factorId } }, now);
    return back({ error: outcome.reason });
  });
}
