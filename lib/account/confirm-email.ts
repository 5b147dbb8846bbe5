import type { AppContext } from "../app-context";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { hostedUrls } from "../http/hosted-urls";
import type { PlainRequest } from "../http/plain-http";
import { confirmEmailChange, inspectEmailChange, type EmailChangeRefusal } from "../user-tokens/confirm-email-change";
import { MAX_USER_TOKEN_LENGTH } from "../user-tokens/user-token-kinds";
import { recordAccountEvent } from "./account-event";
import type { AccountMessageKey } from "./account-messages";
import { handleAccountPost } from "./account-post";
import { accountPageUrl } from "./account-urls";
import { loadAccountVisitor, type AccountRequest } from "./account-visitor";
import { frameOf, type AccountFrame } from "./load-account-view";
import { EMAIL_VERIFY_PATH } from "./submit-email";

/** The `error=` of /account/email for each refusal of a link. */
const REFUSAL_ERRORS: Record<EmailChangeRefusal, string> = { invalid: "linkInvalid", expired: "linkExpired", used: "linkUsed", otherUser: "linkOtherUser", taken: "linkTaken" };
const REFUSAL_TEXTS: Record<EmailChangeRefusal, AccountMessageKey> = {
  invalid: "email.link.invalid",
  expired: "email.link.expired",
  used: "email.link.used",
  otherUser: "email.link.otherUser",
  taken: "email.link.taken",
};

export type EmailVerifyView =
  | { kind: "signin"; url: string }
  | { kind: "page"; frame: AccountFrame; state: { kind: "confirm"; token: string; intro: string; login: string } | { kind: "refused"; text: string } };

/**
 * GET /account/email/verify?token=: the link of the email-change email. It changes nothing (a mail
 * scanner may fetch it): for the signed-in owner of a usable link it shows the new address and a
 * confirm button (a form post with the session's CSRF field and the token); otherwise why the link
 * does nothing (invalid, expired, used, another account's, the address taken). Without a session:
 * the hosted sign-in, back to this link afterwards.
 */
export async function loadEmailVerifyView(app: AppContext, request: AccountRequest & { token: string | null }): Promise<EmailVerifyView> {
  const token = request.token && request.token.length <= MAX_USER_TOKEN_LENGTH ? request.token : null;
  const visitor = await loadAccountVisitor(app, request);
  if (!visitor) return { kind: "signin", url: hostedUrls.signinReturnTo("", token ? `${EMAIL_VERIFY_PATH}?token=${encodeURIComponent(token)}` : EMAIL_VERIFY_PATH) };
  const frame = frameOf(visitor, "email", () => null);
  const { t } = frame;
  const titled = { ...frame, title: t("email.verify.title") };
  const link = await inspectEmailChange(app.db, { token, userId: visitor.user.id, now: app.now() });
  if (!link.ok) return { kind: "page", frame: titled, state: { kind: "refused", text: t(REFUSAL_TEXTS[link.reason]) } };
  return { kind: "page", frame: titled, state: { kind: "confirm", token: token!, intro: t("email.verify.intro", { email: link.newEmail }), login: t("email.verify.login", { login: visitor.user.login }) } };
}

/**
 * POST /account/email/verify/confirm (csrf, token): the signed-in owner confirms the link
 * (confirmEmailChange: the token used once, the address set, the old address told), logged as
 * user.account.update_profile (`emailChanged`, the previous and new address in debugContext), then
 * 303 to /account/email?done=changed; a refused link: ?error=link...; too many uses: rateLimited.
 */
export function submitEmailVerify(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return handleAccountPost(app, request, "email", async ({ form, visitor, client }) => {
    const now = app.now();
    const outcome = await confirmEmailChange(
      app.db,
      { token: form.get("token") ?? null, userId: visitor.user.id, now, ipAddress: client.ipAddress, acceptLanguage: request.headers.get("accept-language"), orgUrl: app.orgUrl },
      (tx, changed) =>
        recordAccountEvent(
          tx,
          {
            eventType: "user.account.update_profile",
            displayMessage: "User changed their email address",
            user: changed.user,
            client,
            sessionId: visitor.session.id,
            debug: { emailChanged: true, changedAttributes: "email", previousEmail: changed.previousEmail, newEmail: changed.newEmail },
          },
          now,
        ),
    );
    if (outcome.ok) return seeOther(accountPageUrl(app.orgUrl, "email", { done: "changed" }));
    if (outcome.reason === "rateLimited") return seeOther(accountPageUrl(app.orgUrl, "email", { error: "rateLimited" }));
    return seeOther(accountPageUrl(app.orgUrl, "email", { error: REFUSAL_ERRORS[outcome.reason] }));
  });
}
