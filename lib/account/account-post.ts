import type { AppContext } from "../app-context";
import { hostedErrorPages } from "../http/hosted-error-pages";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { isSameOriginPost, readHostedForm } from "../http/read-hosted-form";
import { checkAccountForm } from "./account-csrf";
import type { AccountClient } from "./account-event";
import { accountSigninUrl, type AccountPage } from "./account-urls";
import { loadAccountVisitor, type AccountVisitor } from "./account-visitor";

/** A checked My Account form post: its fields, who sent it and from where. */
export type AccountPost = { form: Map<string, string>; visitor: AccountVisitor; client: AccountClient };

/**
 * The checks every My Account form post passes before `handle` runs (then always a 303, so the
 * browser never posts twice): a url-encoded form without repeated fields (else 403); a live session
 * (else 303 to the hosted sign-in, back to `page` afterwards); the post from this origin and its
 * `csrf` field this session's (checkAccountForm) -> else 403 with nothing changed.
 */
export async function handleAccountPost(app: AppContext, request: PlainRequest, page: AccountPage, handle: (post: AccountPost) => Promise<HostedResponse>): Promise<HostedResponse> {
  const form = readHostedForm(request);
  if (!form) return hostedErrorPages.csrf();
  const visitor = await loadAccountVisitor(app, { cookieHeader: request.headers.get("cookie"), acceptLanguage: request.headers.get("accept-language") });
  if (!visitor) return seeOther(accountSigninUrl(app.orgUrl, page));
  if (!isSameOriginPost(request, app.orgUrl) || !checkAccountForm(app.secretsKey, visitor.sid, form.get("csrf"))) return hostedErrorPages.csrf();
  return handle({ form, visitor, client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent")?.slice(0, 1024) ?? null } });
}
