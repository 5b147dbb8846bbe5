/** The frame of the hosted pages: a centred card with the app's logo and name above the content. */
export function HostedCard({ appLabel, logoUri, children }: { appLabel?: string; logoUri?: string | null; children: React.ReactNode }) {
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
              Continue to <span className="font-semibold text-slate-900">{appLabel}</span>
            </p>
          </div>
        ) : null}
        {children}
      </div>
    </main>
  );
}
