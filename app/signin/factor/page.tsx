import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { requestClientAddress } from "@/lib/http/request-client-address";
import { FACTOR_MESSAGES } from "@/lib/hosted/factor-messages";
import { loadFactorView, type FactorView } from "@/lib/hosted/load-factor-view";
import { formatMessage } from "@/lib/i18n/format-message";
import { HostedCard } from "../../_hosted/hosted-card";
import { HostedNotice } from "../../_hosted/hosted-notice";
import { orUnavailable } from "../../_hosted/or-unavailable";
import { pageLocale } from "../../_hosted/page-locale";
import { searchParam, type SearchParams } from "../../_hosted/search-param";
import { PasskeyButton } from "./passkey-button";

export const dynamic = "force-dynamic";
// As the sign-in page: same-origin referrer so the form posts carry the Origin the submit step checks.
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const locale = await pageLocale(searchParam(await searchParams, "request")).catch(() => "en" as const);
  return { title: formatMessage(FACTOR_MESSAGES, locale, "page.title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const INPUT =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-base tracking-widest focus:border-brand-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const BUTTON =
  "rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const LINK = "text-brand-700 underline hover:text-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * The factor step of the hosted sign-in (/signin/factor?request=<id>, or ?return_to=<path> for the
 * admin console's sign-in), server-rendered: a TOTP code
 * form that works without JavaScript, the passkey prompt (JavaScript), a choice among the enrolled
 * factors, and first-time enrollment (the QR code as an inline image rendered by this server, the
 * secret as text, or a passkey registration). It only renders its view (loadFactorView: every word
 * in the request's language, pageLocale).
 */
export default async function FactorPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const requestHeaders = await headers();
  const cookieHeader = requestHeaders.get("cookie");
  const requestId = searchParam(query, "request");
  const view = await orUnavailable("/signin/factor", query, async () =>
    loadFactorView(app.db, { requestId, returnTo: searchParam(query, "return_to"), factorId: searchParam(query, "factor"), error: searchParam(query, "error"), cookieHeader, ipAddress: requestClientAddress(requestHeaders), secretsKey: app.secretsKey, orgUrl: app.orgUrl, now: app.now(), locale: await pageLocale(requestId) }),
  );
  if (!view.ok) {
    if (view.reason === "signin") redirect(view.signinUrl);
    return <HostedNotice reason={view.reason === "csrf" ? "csrf" : "expired"} locale={await pageLocale(requestId)} />;
  }
  return (
    <HostedCard appLabel={view.appLabel} logoUri={view.logoUri} locale={view.locale}>
      <div id="factor-error" role="alert" aria-live="assertive" className={view.error ? "mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {view.error?.message ?? ""}
      </div>
      {view.mode === "verify" ? <Verify view={view} /> : <Enroll view={view} />}
    </HostedCard>
  );
}

function Hidden({ view, action }: { view: { flowFields: Record<string, string>; csrfToken: string }; action: string }) {
  return (
    <>
      {Object.entries(view.flowFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="csrf" value={view.csrfToken} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

function CodeField({ invalid, label }: { invalid: boolean; label: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="passCode" className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id="passCode"
        name="passCode"
        type="text"
        inputMode="numeric"
        pattern="[0-9 ]*"
        autoComplete="one-time-code"
        maxLength={8}
        required
        autoFocus
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? "factor-error" : undefined}
        className={INPUT}
      />
    </div>
  );
}

function Verify({ view }: { view: Extract<FactorView, { mode: "verify" }> }) {
  const { selected, text } = view;
  const others = view.factors.filter((factor) => factor.id !== selected.id);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">{text["verify.heading"]}</h1>
      {selected.kind === "totp" ? (
        <form method="post" action="/signin/factor/submit" className="flex flex-col gap-4">
          <Hidden view={view} action="verify" />
          <input type="hidden" name="factorId" value={selected.id} />
          <p className="text-slate-700">{text["verify.totpIntro"]}</p>
          <CodeField invalid={view.error !== null} label={text["code.label"]} />
          <Remember remember={view.remember} label={text["remember.label"]} />
          <button type="submit" className={BUTTON}>
            {text["verify.submit"]}
          </button>
        </form>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-slate-700">{text["verify.passkeyIntro"]}</p>
          <PasskeyButton purpose="authenticate" flowFields={view.flowFields} csrfToken={view.csrfToken} label={text["verify.usePasskey"]} failedMessage={text.passkeyFailed} needsScript={text["passkey.needsScript"]} />
        </div>
      )}
      {others.length > 0 ? (
        <nav aria-label={text["verify.otherWays"]} className="mt-6 border-t border-slate-200 pt-4">
          <p className="mb-2 text-sm font-medium text-slate-800">{text["verify.useAnother"]}</p>
          <ul className="flex flex-col gap-2">
            {others.map((factor) => (
              <li key={factor.id}>
                <a className={LINK} href={factor.href}>
                  {factor.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

function Remember({ remember, label }: { remember: { offered: boolean; checked: boolean; hint: string | null }; label: string }) {
  if (!remember.offered) return null;
  return (
    <div className="flex items-start gap-2">
      <input id="remember" name="remember" type="checkbox" defaultChecked={remember.checked} aria-describedby={remember.hint ? "remember-hint" : undefined} className="mt-1 h-4 w-4" />
      <div>
        <label htmlFor="remember" className="text-sm text-slate-800">
          {label}
        </label>
        {remember.hint ? (
          <p id="remember-hint" className="text-sm text-slate-600">
            {remember.hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Enroll({ view }: { view: Extract<FactorView, { mode: "enroll" }> }) {
  const { text } = view;
  if (view.totp) {
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold tracking-tight">{text["enrollTotp.heading"]}</h1>
        <ol className="mb-4 list-decimal pl-5 text-slate-700">
          <li>{text["enrollTotp.scan"]}</li>
          <li>{text["enrollTotp.enterCode"]}</li>
        </ol>
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG rendered by this server as a data URI, nothing to optimise */}
        <img src={view.totp.qrDataUri} alt={view.totp.qrAlt} width={200} height={200} className="mx-auto mb-4 h-48 w-48" />
        <p className="mb-1 text-sm font-medium text-slate-800" id="secret-label">
          {text["enrollTotp.secretLabel"]}
        </p>
        <p aria-labelledby="secret-label" className="mb-4 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all">
          <code data-testid="totp-secret">{view.totp.secret}</code>
        </p>
        <form method="post" action="/signin/factor/submit" className="flex flex-col gap-4">
          <Hidden view={view} action="activate" />
          <CodeField invalid={view.error !== null} label={text["code.label"]} />
          <button type="submit" className={BUTTON}>
            {text["enrollTotp.submit"]}
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">{text["enroll.heading"]}</h1>
      <p className="mb-4 text-slate-700">{text["enroll.intro"]}</p>
      <ul className="flex flex-col gap-4">
        {view.choices.map((choice) => (
          <li key={`${choice.kind} ${choice.provider}`} className="rounded-md border border-slate-200 p-4">
            <p className="mb-2 font-medium">
              {choice.label}
              {choice.required ? <span className="ml-2 text-sm font-normal text-slate-600">{text["enroll.required"]}</span> : null}
            </p>
            {choice.kind === "totp" ? (
              <form method="post" action="/signin/factor/submit">
                <Hidden view={view} action="enroll" />
                <input type="hidden" name="provider" value={choice.provider} />
                <button type="submit" className={BUTTON} aria-label={choice.setUpLabel}>
                  {text["enroll.setUp"]}
                </button>
              </form>
            ) : (
              <PasskeyButton purpose="register" flowFields={view.flowFields} csrfToken={view.csrfToken} label={text["enroll.createPasskey"]} failedMessage={text.passkeyFailed} needsScript={text["passkey.needsScript"]} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
