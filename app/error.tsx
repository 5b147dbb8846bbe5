"use client";

import { useRouter } from "next/navigation";
import { startTransition, useSyncExternalStore } from "react";
import { HOSTED_MESSAGE_CATALOG } from "@/lib/http/hosted-messages";
import { DEFAULT_PAGE_BRAND } from "@/lib/http/page-brand";
import { createTranslator } from "@/lib/i18n/format-message";
import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from "@/lib/i18n/locales";
import { HostedFrame } from "./_hosted/hosted-frame";

const subscribe = () => () => {};
/** The language the server rendered the page in (`<html lang>`, set by the root layout). */
const documentLocale = (): Locale => {
  const lang = document.documentElement.lang;
  return isSupportedLocale(lang) ? lang : DEFAULT_LOCALE;
};

/**
 * The error boundary of the pages outside /admin (sign-in, consent): a page whose data could not be
 * read, in practice the database being unavailable, asks the person to try again instead of
 * showing a crash, in the page's language. The cause is in the server log. Drawn in the hosted page
 * shell with the neutral brand: a client component cannot read the brand, and the database it lives
 * in is likely down.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const locale = useSyncExternalStore(subscribe, documentLocale, () => DEFAULT_LOCALE);
  const t = createTranslator(HOSTED_MESSAGE_CATALOG, locale);
  // The failure happened while the server rendered: render it there again, then here.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <HostedFrame brand={DEFAULT_PAGE_BRAND} touchPoint="error" locale={locale}>
      <div role="alert">
        <h1 className="mb-3 text-xl font-semibold">{t("unavailable.title")}</h1>
        <p className="mb-6 text-slate-700">{t("page.notLoaded")}</p>
      </div>
      <button
        type="button"
        onClick={retry}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {t("page.tryAgain")}
      </button>
    </HostedFrame>
  );
}
