import type { HostedResponse } from "../../http/hosted-response";
import { renderMessagePage } from "../../http/render-message-page";
import { createTranslator } from "../../i18n/format-message";
import { negotiateLocale } from "../../i18n/negotiate-locale";
import { APP_DENIED_CATALOG } from "./app-denied-catalog";
import type { AuthorizeContext } from "./authorize-context";

/**
 * The clear page of an interactive sign-in that the app's authentication policy denies (Okta shows
 * "You are not allowed to access this app" instead of going back to the app): 403, in the
 * browser's language (Accept-Language), not framed or cached, with the OAuth error shown small for
 * support. `errorResponse` is the access_denied answer already built for the app: when it is a
 * redirect (query or fragment response mode) the page links to it, so the person can go back and
 * the app learns of the refusal; its cookies are kept.
 */
export function appDeniedPage(ctx: AuthorizeContext, errorResponse: HostedResponse, error: { code: string; description: string }): HostedResponse {
  const locale = negotiateLocale({ acceptLanguage: ctx.request.headers.get("accept-language") });
  const t = createTranslator(APP_DENIED_CATALOG, locale);
  const app = ctx.client.label;
  const back = errorResponse.status === 302 ? errorResponse.headers?.Location : undefined;
  const page = renderMessagePage({
    status: 403,
    locale,
    title: t("title"),
    message: t("message", { app }),
    error,
    ...(back ? { link: { href: back, label: t("back", { app }) } } : {}),
  });
  return errorResponse.cookies?.length ? { ...page, cookies: errorResponse.cookies } : page;
}
