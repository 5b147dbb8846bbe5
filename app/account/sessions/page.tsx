import type { Metadata } from "next";
import type { SearchParams } from "../../_hosted/search-param";
import { AccountFrame, CsrfField, SECONDARY } from "../_parts/account-frame";
import { loadView } from "../_parts/load-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sessions · My Account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** My Account, Sessions: this device and the others, end one or all others (lib/account submitSessions). */
export default async function SessionsPage({ searchParams }: { searchParams: SearchParams }) {
  const { frame, data } = await loadView("sessions", searchParams);
  const { t } = frame;
  const others = data.sessions.filter((session) => !session.current).length;
  return (
    <AccountFrame frame={frame}>
      <p className="mb-4 text-slate-700">{t("sessions.intro")}</p>
      <ul className="mb-6 flex flex-col gap-3">
        {data.sessions.map((session) => (
          <li key={session.id} className="rounded-md border border-slate-200 p-4" data-testid="account-session">
            <h2 id={`s-${session.id}`} className="font-semibold text-slate-900">
              {session.current ? t("sessions.thisDevice") : t("sessions.otherDevice")}
            </h2>
            <p className="text-sm text-slate-700">{t("sessions.started", { date: session.created })}</p>
            <p className="text-sm text-slate-700">{t("sessions.lastSeen", { date: session.lastSeen })}</p>
            <p className="break-all text-sm text-slate-700">{t("sessions.address", { ip: session.ipAddress ?? t("sessions.unknown") })}</p>
            <p className="break-all text-sm text-slate-700">{t("sessions.client", { agent: session.userAgent ?? t("sessions.unknown") })}</p>
            <form method="post" action="/account/sessions/submit" className="mt-3">
              <CsrfField token={frame.csrf} />
              <input type="hidden" name="action" value="end" />
              <input type="hidden" name="session" value={session.id} />
              <button type="submit" className={SECONDARY} aria-describedby={`s-${session.id}`}>
                {session.current ? t("sessions.endThis") : t("sessions.end")}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <form method="post" action="/account/sessions/submit">
          <CsrfField token={frame.csrf} />
          <input type="hidden" name="action" value="end-others" />
          <button type="submit" className={SECONDARY}>
            {t("sessions.endOthers")}
          </button>
        </form>
      ) : (
        <p className="text-slate-700">{t("sessions.noOthers")}</p>
      )}
    </AccountFrame>
  );
}
