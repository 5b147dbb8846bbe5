import type { Metadata } from "next";
import type { SearchParams } from "../../_hosted/search-param";
import { AccountField, AccountFrame, CsrfField, PRIMARY } from "../_parts/account-frame";
import { loadView } from "../_parts/load-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Password · My Account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** My Account, Password: current password required, the new one twice (lib/account submitPassword). */
export default async function PasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { frame, data } = await loadView("password", searchParams);
  const { t } = frame;
  const error = frame.notice?.tone === "error";
  const fields = [
    { name: "current", label: t("password.current"), autoComplete: "current-password" },
    { name: "password", label: t("password.new"), autoComplete: "new-password", hint: data.rules },
    { name: "confirm", label: t("password.confirm"), autoComplete: "new-password" },
  ];
  return (
    <AccountFrame frame={frame}>
      <form method="post" action="/account/password/submit" className="flex flex-col gap-4">
        <CsrfField token={frame.csrf} />
        {fields.map((field, index) => (
          <AccountField
            key={field.name}
            name={field.name}
            label={field.label}
            type="password"
            autoComplete={field.autoComplete}
            required
            autoFocus={error && index === 0}
            invalid={error}
            note={field.hint ?? null}
            describedBy={error ? "account-notice" : undefined}
          />
        ))}
        <button type="submit" className={`self-start ${PRIMARY}`}>
          {t("password.submit")}
        </button>
      </form>
    </AccountFrame>
  );
}
