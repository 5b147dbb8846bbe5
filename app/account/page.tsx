import type { Metadata } from "next";
import type { SearchParams } from "../_hosted/search-param";
import { AccountField, AccountFrame, CsrfField, PRIMARY } from "./_parts/account-frame";
import { loadView } from "./_parts/load-view";

export const dynamic = "force-dynamic";
// same-origin: the forms post with an Origin the submit step can check (see app/signin/page.tsx)
export const metadata: Metadata = { title: "My Account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** My Account, Profile: the attributes the org lets users edit (lib/account); works without JavaScript. */
export default async function ProfilePage({ searchParams }: { searchParams: SearchParams }) {
  const { frame, data } = await loadView("profile", searchParams);
  const { t } = frame;
  const firstProblem = data.fields.find((field) => field.problem)?.name;
  return (
    <AccountFrame frame={frame}>
      <dl className="mb-6 grid grid-cols-1 gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="font-medium text-slate-800">{t("profile.username")}</dt>
        <dd className="break-all text-slate-700">{frame.login}</dd>
        <dt className="font-medium text-slate-800">{t("profile.email")}</dt>
        <dd className="break-all text-slate-700">{data.email}</dd>
      </dl>
      {data.fields.length === 0 ? (
        <p className="text-slate-700">{t("profile.none")}</p>
      ) : (
        <form method="post" action="/account/profile/submit" className="flex flex-col gap-4" noValidate>
          <p className="text-slate-700">{t("profile.intro")}</p>
          <CsrfField token={frame.csrf} />
          {data.fields.map((field) => (
            <AccountField
              key={field.name}
              name={field.name}
              label={field.label}
              type="text"
              defaultValue={field.value}
              required={field.required}
              autoFocus={field.name === firstProblem}
              invalid={field.problem !== null}
              note={field.problem}
            />
          ))}
          <button type="submit" className={`self-start ${PRIMARY}`}>
            {t("profile.save")}
          </button>
        </form>
      )}
    </AccountFrame>
  );
}
