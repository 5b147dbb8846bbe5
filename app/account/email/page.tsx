import type { Metadata } from "next";
import type { SearchParams } from "../../_hosted/search-param";
import { AccountField, AccountFrame, CsrfField, INPUT, LABEL, PRIMARY } from "../_parts/account-frame";
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
          <div className="flex flex-col gap-1">
            <p id="email-reauth" className="text-sm text-slate-700">
              {data.reauth}
            </p>
            <label htmlFor="email-password" className={LABEL}>
              {t("reauth.password")}
            </label>
            <input id="email-password" name="password" type="password" autoComplete="current-password" required aria-describedby="email-reauth" className={INPUT} />
            <a href={data.signInAgainUrl} className="text-sm font-medium text-brand-700 underline">
              {t("reauth.signInAgain")}
            </a>
          </div>
        ) : null}
        <button type="submit" className={`self-start ${PRIMARY}`}>
          {t("email.submit")}
        </button>
      </form>
    </AccountFrame>
  );
}
