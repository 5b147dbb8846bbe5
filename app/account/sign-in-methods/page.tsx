import type { Metadata } from "next";
import type { SearchParams } from "../../_hosted/search-param";
import { AccountFrame, CsrfField, ReauthField, SECONDARY } from "../_parts/account-frame";
import { loadView } from "../_parts/load-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign-in methods · My Account", robots: { index: false, follow: false }, referrer: "same-origin" };

/**
 * My Account, Sign-in methods: the enrolled factors with their dates, remove one (lib/account
 * submitSignInMethods; the password again when the sign-in is not recent).
 */
export default async function SignInMethodsPage({ searchParams }: { searchParams: SearchParams }) {
  const { frame, data } = await loadView("methods", searchParams);
  const { t } = frame;
  return (
    <AccountFrame frame={frame}>
      <p className="mb-4 text-slate-700">{t("methods.intro")}</p>
      {data.factors.length === 0 ? (
        <p className="mb-4 text-slate-700">{t("methods.none")}</p>
      ) : (
        <ul className="mb-4 flex flex-col gap-3">
          {data.factors.map((factor) => (
            <li key={factor.id} className="rounded-md border border-slate-200 p-4" data-testid="account-factor">
              <h2 id={`m-${factor.id}`} className="break-all font-semibold text-slate-900">
                {factor.name}
              </h2>
              <p className="text-sm text-slate-700">{factor.active ? t("methods.added", { date: factor.created }) : t("methods.pending")}</p>
              <form method="post" action="/account/sign-in-methods/submit" className="mt-3 flex flex-col gap-2">
                <CsrfField token={frame.csrf} />
                <input type="hidden" name="factor" value={factor.id} />
                {data.reauth ? <ReauthField id={`m-${factor.id}`} intro={data.reauth} label={t("reauth.password")} /> : null}
                <button type="submit" className={`self-start ${SECONDARY}`} aria-describedby={`m-${factor.id}`}>
                  {t("methods.remove")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {data.reauth && data.factors.length > 0 ? (
        <p className="mb-4 text-sm">
          <a href={data.signInAgainUrl} className="font-medium text-brand-700 underline">
            {t("reauth.signInAgain")}
          </a>
        </p>
      ) : null}
      <p className="text-sm text-slate-700">{t("methods.add")}</p>
    </AccountFrame>
  );
}
