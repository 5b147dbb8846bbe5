import type { AppContext } from "../app-context";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { updateOwnProfile } from "../users/update-own-profile";
import { recordAccountEvent } from "./account-event";
import { handleAccountPost } from "./account-post";
import { accountPageUrl, accountSigninUrl } from "./account-urls";

/**
 * POST /account/profile/submit (csrf and the editable attributes): the attributes the org lets users
 * edit (selfServiceProfileAttributes; any other field is ignored) through updateOwnProfile (the
 * Users API's profile rules), logged as `user.account.update_profile` with the user as actor and the
 * attributes changed. Back to /account with `done=saved` / `done=unchanged`, or `error=invalid` and
 * `fields=<name>:<problem>,...` (the values themselves never go into a URL).
 */
export function submitProfile(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return handleAccountPost(app, request, "profile", async ({ form, visitor, client }) => {
    const now = app.now();
    const editable = (await readOrgSettings(app.db)).selfServiceProfileAttributes;
    const values = Object.fromEntries(editable.flatMap((name) => (form.has(name) ? [[name, form.get(name)!]] : [])));
    const outcome = await updateOwnProfile(app.db, { userId: visitor.user.id, values, editable, now }, (tx, { user, changed }) =>
      recordAccountEvent(tx, { eventType: "user.account.update_profile", displayMessage: "Update user profile", user, client, sessionId: visitor.session.id, debug: { changedAttributes: changed } }, now),
    );
    if (outcome.ok) return seeOther(accountPageUrl(app.orgUrl, "profile", { done: outcome.changed.length ? "saved" : "unchanged" }));
    if (outcome.reason === "gone") return seeOther(accountSigninUrl(app.orgUrl, "profile"));
    const fields = Object.entries(outcome.problems).map(([name, problem]) => `${name}:${problem}`).join(",");
    return seeOther(accountPageUrl(app.orgUrl, "profile", { error: "invalid", fields }));
  });
}
