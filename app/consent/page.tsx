import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { loadConsentView } from "@/lib/hosted/load-consent-view";
import { HostedCard } from "../_hosted/hosted-card";
import { HostedNotice } from "../_hosted/hosted-notice";
import { orUnavailable } from "../_hosted/or-unavailable";
import { searchParam, type SearchParams } from "../_hosted/search-param";

export const dynamic = "force-dynamic";
// The server sends Referrer-Policy: no-referrer everywhere, with which browsers post forms with
// `Origin: null` and the submit step's same-origin check refuses them: this page's own policy is
// same-origin (nothing leaves the origin either way).
export const metadata: Metadata = { title: "Allow access", robots: { index: false, follow: false }, referrer: "same-origin" };

const BUTTON = "flex-1 rounded-md px-4 py-2 font-medium focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * The hosted consent page (/consent?request=<id>): the app asks for scopes whose consent is
 * REQUIRED. Allow or Deny posts to /consent/submit with the request id and its CSRF token.
 */
export default async function ConsentPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const cookieHeader = (await headers()).get("cookie");
  const view = await orUnavailable("/consent", query, () => loadConsentView(app.db, { requestId: searchParam(query, "request"), cookieHeader, secretsKey: app.secretsKey, now: app.now() }));
  if (!view.ok) {
    if (view.reason === "signin" && view.requestId) redirect(`/signin?request=${encodeURIComponent(view.requestId)}`);
    return <HostedNotice reason={view.reason === "csrf" ? "csrf" : "expired"} />;
  }
  return (
    <HostedCard appLabel={view.appLabel} logoUri={view.logoUri}>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Allow access?</h1>
      <p className="mb-4 text-slate-700">
        <span className="font-semibold">{view.appLabel}</span> would like to access the following on behalf of <span className="font-semibold">{view.login}</span>:
      </p>
      <ul className="mb-6 flex flex-col gap-3" aria-label="Requested permissions">
        {view.scopes.map((scope) => (
          <li key={scope.name} className="rounded-md border border-slate-200 px-3 py-2">
            <p className="font-medium">{scope.displayName}</p>
            {scope.description ? <p className="text-sm text-slate-600">{scope.description}</p> : null}
          </li>
        ))}
      </ul>
      <form method="post" action="/consent/submit" className="flex gap-3">
        <input type="hidden" name="request" value={view.requestId} />
        <input type="hidden" name="csrf" value={view.csrfToken} />
        <button type="submit" name="decision" value="deny" className={`${BUTTON} border border-slate-300 text-slate-800 hover:bg-slate-100`}>
          Deny
        </button>
        <button type="submit" name="decision" value="allow" className={`${BUTTON} bg-brand-600 text-white shadow-sm hover:bg-brand-700`}>
          Allow
        </button>
      </form>
    </HostedCard>
  );
}
