import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { CONSENT_MESSAGES } from "@/lib/hosted/consent-messages";
import { loadConsentView } from "@/lib/hosted/load-consent-view";
import { createTranslator } from "@/lib/i18n/format-message";
import { HostedCard } from "../_hosted/hosted-card";
import { HostedNotice } from "../_hosted/hosted-notice";
import { orUnavailable } from "../_hosted/or-unavailable";
import { pageLocale } from "../_hosted/page-locale";
import { searchParam, type SearchParams } from "../_hosted/search-param";

export const dynamic = "force-dynamic";
// The server sends Referrer-Policy: no-referrer everywhere, with which browsers post forms with
// `Origin: null` and the submit step's same-origin check refuses them: this page's own policy is
// same-origin (nothing leaves the origin either way).
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const locale = await pageLocale(searchParam(await searchParams, "request")).catch(() => "en" as const);
  return { title: createTranslator(CONSENT_MESSAGES, locale)("page.title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const BUTTON = "flex-1 rounded-md px-4 py-2 font-medium focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * The hosted consent page (/consent?request=<id>): the app asks for scopes whose consent is
 * REQUIRED, each said in plain words (loadConsentView), in the request's language (pageLocale).
 * Allow or Don't allow posts to /consent/submit with the request id and its CSRF token.
 */
export default async function ConsentPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const cookieHeader = (await headers()).get("cookie");
  const requestId = searchParam(query, "request");
  const locale = await orUnavailable("/consent", query, () => pageLocale(requestId));
  const view = await orUnavailable("/consent", query, () => loadConsentView(app.db, { requestId, cookieHeader, secretsKey: app.secretsKey, now: app.now(), locale }));
  if (!view.ok) {
    if (view.reason === "signin" && view.requestId) redirect(`/signin?request=${encodeURIComponent(view.requestId)}`);
    return <HostedNotice reason={view.reason === "csrf" ? "csrf" : "expired"} locale={locale} />;
  }
  const t = createTranslator(CONSENT_MESSAGES, locale);
  const app_ = { app: view.appLabel };
  return (
    <HostedCard appLabel={view.appLabel} logoUri={view.logoUri} locale={locale}>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">{t("page.heading", app_)}</h1>
      <p className="mb-4 text-slate-700">{t("page.intro", app_)}</p>
      <ul className="mb-4 flex flex-col gap-3" aria-label={t("page.permissions", app_)}>
        {view.scopes.map((scope) => (
          <li key={scope.name} className="rounded-md border border-slate-200 px-3 py-2">
            <p className="font-medium">{scope.displayName}</p>
            {scope.description ? <p className="text-sm text-slate-600">{scope.description}</p> : null}
          </li>
        ))}
      </ul>
      <p className="mb-2 text-sm text-slate-700">{t("page.signedInAs", { login: view.login })}</p>
      <p className="mb-6 text-sm text-slate-700">{t("page.explain", app_)}</p>
      <form method="post" action="/consent/submit" className="flex gap-3">
        <input type="hidden" name="request" value={view.requestId} />
        <input type="hidden" name="csrf" value={view.csrfToken} />
        <button type="submit" name="decision" value="deny" className={`${BUTTON} border border-slate-300 text-slate-800 hover:bg-slate-100`}>
          {t("page.deny")}
        </button>
        <button type="submit" name="decision" value="allow" className={`${BUTTON} bg-brand-600 text-white shadow-sm hover:bg-brand-700`}>
          {t("page.allow")}
        </button>
      </form>
    </HostedCard>
  );
}
