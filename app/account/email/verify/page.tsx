import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { loadEmailVerifyView } from "@/lib/account/confirm-email";
import { orUnavailable } from "../../../_hosted/or-unavailable";
import { searchParam, type SearchParams } from "../../../_hosted/search-param";
import { AccountFrame, CsrfField, PRIMARY } from "../../_parts/account-frame";

export const dynamic = "force-dynamic";
// same-origin: the token in this page's URL goes to no other site, and the form post still carries the Origin the confirm step checks
export const metadata: Metadata = { title: "Confirm email · My Account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** /account/email/verify?token=: the email-change link; confirming is a form post (lib/account loadEmailVerifyView, submitEmailVerify). */
export default async function EmailVerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const h = await headers();
  const view = await orUnavailable("/account/email", query, () =>
    loadEmailVerifyView(getAppContext(), { cookieHeader: h.get("cookie"), acceptLanguage: h.get("accept-language"), token: searchParam(query, "token") }),
  );
  if (view.kind === "signin") redirect(view.url);
  const { frame, state } = view;
  const { t } = frame;
  return (
    <AccountFrame frame={frame}>
      {state.kind === "confirm" ? (
        <form method="post" action="/account/email/verify/confirm" className="flex flex-col gap-4">
          <CsrfField token={frame.csrf} />
          <input type="hidden" name="token" value={state.token} />
          <p className="break-all text-slate-700">{state.intro}</p>
          <p className="break-all text-sm text-slate-600">{state.login}</p>
          <button type="submit" className={`self-start ${PRIMARY}`}>
            {t("email.verify.submit")}
          </button>
        </form>
      ) : (
        <div className="flex flex-col gap-4">
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.text}
          </p>
          <a href="/account/email" className="self-start text-brand-700 underline">
            {t("email.verify.back")}
          </a>
        </div>
      )}
    </AccountFrame>
  );
}
