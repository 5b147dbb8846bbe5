import Link from "next/link";
import { SITE_MESSAGES } from "@/lib/hosted/site-messages";
import { createTranslator } from "@/lib/i18n/format-message";
import { HostedCard } from "./_hosted/hosted-card";
import { browserPageLocale } from "./_hosted/page-locale";

/** The 404 page, in the browser's language (Accept-Language, then the org default). */
export default async function NotFound() {
  const locale = await browserPageLocale();
  const t = createTranslator(SITE_MESSAGES, locale);
  return (
    <HostedCard touchPoint="error" locale={locale}>
      <div lang={locale}>
        <h1 className="mb-3 text-2xl font-semibold">{t("notFound.title")}</h1>
        <p className="mb-4 text-slate-700">{t("notFound.text")}</p>
        <Link href="/" className="text-brand-700 underline">
          {t("notFound.home")}
        </Link>
      </div>
    </HostedCard>
  );
}
