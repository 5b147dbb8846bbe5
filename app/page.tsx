import Image from "next/image";
import { SITE_MESSAGES } from "@/lib/hosted/site-messages";
import { createTranslator } from "@/lib/i18n/format-message";
import { browserPageLocale } from "./_hosted/page-locale";

/** The home page, in the browser's language (Accept-Language, then the org default); the product's name stays as it is. */
export default async function HomePage() {
  const locale = await browserPageLocale();
  const t = createTranslator(SITE_MESSAGES, locale);
  return (
    <main lang={locale} className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-6 px-6 py-16">
      <div className="flex items-center gap-3">
        <Image src="/logo.svg" alt="" width={40} height={40} priority />
        <h1 className="text-3xl font-semibold tracking-tight">Identity Provider</h1>
      </div>
      <p className="text-lg text-slate-700">{t("home.intro")}</p>
      <nav aria-label={t("home.links")} className="flex flex-wrap gap-3">
        <a href="/admin" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700">
          {t("home.admin")}
        </a>
        <a href="/account" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100">
          {t("home.account")}
        </a>
        <a href="/oauth2/default/.well-known/openid-configuration" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100">
          {t("home.openidConfiguration")}
        </a>
      </nav>
    </main>
  );
}
