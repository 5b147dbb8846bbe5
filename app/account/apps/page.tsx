import type { Metadata } from "next";
import type { SearchParams } from "../../_hosted/search-param";
import { AccountFrame, CsrfField, SECONDARY } from "../_parts/account-frame";
import { loadView } from "../_parts/load-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Apps · My Account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** My Account, Apps: the apps the user consented to, the scopes in plain words, revoke (lib/account submitApps). */
export default async function AppsPage({ searchParams }: { searchParams: SearchParams }) {
  const { frame, data } = await loadView("apps", searchParams);
  const { t } = frame;
  return (
    <AccountFrame frame={frame}>
      <p className="mb-4 text-slate-700">{t("apps.intro")}</p>
      {data.apps.length === 0 ? (
        <p className="text-slate-700">{t("apps.none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {data.apps.map((app) => {
            const id = `a-${app.clientId}-${app.authServerId}`;
            return (
              <li key={id} className="rounded-md border border-slate-200 p-4" data-testid="account-app">
                <h2 id={id} className="break-all font-semibold text-slate-900">
                  {app.appLabel}
                </h2>
                <p className="text-sm text-slate-700">{t("apps.granted", { date: app.created })}</p>
                <p className="mt-2 text-sm font-medium text-slate-800">{t("apps.scopes")}</p>
                <ul className="list-disc pl-5 text-sm text-slate-700">
                  {app.scopeTexts.map((text, index) => (
                    <li key={app.scopes[index]!.name}>{text}</li>
                  ))}
                </ul>
                <form method="post" action="/account/apps/submit" className="mt-3">
                  <CsrfField token={frame.csrf} />
                  <input type="hidden" name="client" value={app.clientId} />
                  <input type="hidden" name="server" value={app.authServerId} />
                  <input type="hidden" name="label" value={app.appLabel} />
                  <button type="submit" className={SECONDARY} aria-describedby={id}>
                    {t("apps.revoke")}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </AccountFrame>
  );
}
