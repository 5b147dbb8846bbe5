import type { AppContext } from "../app-context";
import { hostedErrorPages } from "../http/hosted-error-pages";
import type { HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { negotiateOrgLocale } from "../org-settings/negotiate-org-locale";

/**
 * The expired or "could not verify" page a hosted form post ends on, in the person's language:
 * the request's ui_locales when the post names a pending authorization (`uiLocales`), else
 * Accept-Language, else the org default.
 */
export async function refusalPage(app: Pick<AppContext, "db">, request: Pick<PlainRequest, "headers">, reason: "expired" | "csrf", uiLocales: string | null = null): Promise<HostedResponse> {
  const locale = await negotiateOrgLocale(app.db, { uiLocales, acceptLanguage: request.headers.get("accept-language") });
  return hostedErrorPages[reason](locale);
}
