import { hostedMessage } from "@/lib/http/hosted-messages";
import type { Locale } from "@/lib/i18n/locales";
import { HostedCard } from "./hosted-card";

/** The friendly page for a sign-in or consent request that cannot continue, in the page's language (text: hostedMessage, shared with the string-rendered pages); an error page of the shell. */
export function HostedNotice({ reason, locale }: { reason: "expired" | "csrf"; locale: Locale }) {
  const notice = hostedMessage(reason, locale);
  return (
    <HostedCard locale={locale} touchPoint="error">
      <h1 className="mb-3 text-xl font-semibold">{notice.title}</h1>
      <p className="text-slate-700">{notice.text}</p>
    </HostedCard>
  );
}
