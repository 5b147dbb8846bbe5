import type { Metadata } from "next";
import type { SearchParams } from "../../_hosted/search-param";
import { AccountFrame, CsrfField, INPUT, LABEL, PRIMARY } from "../_parts/account-frame";
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
          <div key={field.name} className="flex flex-col gap-1">
            <label htmlFor={`f-${field.name}`} className={LABEL}>
              {field.label}
            </label>
            <input
              id={`f-${field.name}`}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              required
              autoFocus={error && index === 0}
              aria-invalid={error || undefined}
              aria-describedby={[field.hint ? `f-${field.name}-hint` : "", error ? "account-notice" : ""].filter(Boolean).join(" ") || undefined}
              className={INPUT}
            />
            {field.hint ? (
              <p id={`f-${field.name}-hint`} className="text-sm text-slate-600">
                {field.hint}
              </p>
            ) : null}
          </div>
        ))}
        <button type="submit" className={`self-start ${PRIMARY}`}>
          {t("password.submit")}
        </button>
      </form>
    </AccountFrame>
  );
}
