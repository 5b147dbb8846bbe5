import { Fragment } from "react";
import { HOSTED_PAGE_MESSAGES } from "@/lib/hosted/hosted-page-messages";
import { formatParts } from "@/lib/i18n/format-message";
import type { Locale } from "@/lib/i18n/locales";

/** The frame of the hosted pages: a centred card with the app's logo and name above the content ("Continue to <app>" in `locale`). */
export function HostedCard({ appLabel, logoUri, locale, children }: { appLabel?: string; logoUri?: string | null; locale: Locale; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {appLabel ? (
          <div className="mb-6 flex items-center gap-3">
            {logoUri ? (
              // eslint-disable-next-line @next/next/no-img-element -- an app's own logo URL: no image optimisation, no remote patterns to configure
              <img src={logoUri} alt="" width={40} height={40} className="h-10 w-10 rounded object-contain" referrerPolicy="no-referrer" />
            ) : null}
            <p className="text-sm text-slate-600">
              {formatParts(HOSTED_PAGE_MESSAGES, locale, "card.continueTo", { app: <span className="font-semibold text-slate-900">{appLabel}</span> }).map((part, index) => (
                <Fragment key={index}>{part}</Fragment>
              ))}
            </p>
          </div>
        ) : null}
        {children}
      </div>
    </main>
  );
}
