import type { Metadata } from "next";
import type { SearchParams } from "../../_hosted/search-param";
import { AccountField, AccountFrame, CsrfField, PRIMARY, ReauthField } from "../_parts/account-frame";
import { loadView } from "../_parts/load-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email · My Account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** My Account, Email: ask for a change, confirmed from a link sent to the new address (lib/account submitEmail). */
export default async function EmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { frame, data } = await loadView("email", searchParams);
  const { t } = frame;
  const error = frame.notice?.tone === "error";
  return (
    <AccountFrame frame={frame}>
      <p className="mb-2 break-all text-slate-700">{t("email.current", { email: data.email })}</p>
      <p className="mb-4 text-slate-700">{t("email.intro")}</p>
      <form method="post" action="/account/email/submit" className="flex flex-col gap-4">
        <CsrfField token={frame.csrf} />
        <AccountField name="email" label={t("email.new")} type="email" autoComplete="email" required autoFocus={error} invalid={error} describedBy={error ? "account-notice" : undefined} />
        {data.reauth ? (
          <>
            <ReauthField id="email" intro={data.reauth} label={t("reauth.password")} />
            <a href={data.signInAgainUrl} className="text-sm font-medium text-brand-700 underline">
              {t("reauth.signInAgain")}
            </a>
          </>
        ) : null}
        <button type="submit" className={`self-start ${PRIMARY}`}>
          {t("email.submit")}
        </button>
      </form>
    </AccountFrame>
  );
}
