import { Fragment } from "react";
import { HOSTED_PAGE_MESSAGES } from "@/lib/hosted/hosted-page-messages";
import { formatParts } from "@/lib/i18n/format-message";
import { HOSTED_SHELL_MESSAGES } from "@/lib/http/hosted-shell-messages";
import { hostedShellStyle, type PageBrand, type TouchPoint } from "@/lib/http/page-brand";
import { footerLinks } from "@/lib/http/render-hosted-shell";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The one hosted page shell, as React (the pages rendered as strings use the same markup and
 * stylesheet: lib/http/render-hosted-shell): the brand's logo or product name in the header, the
 * page's card in <main>, the brand's footer links; the brand's colours as CSS custom properties
 * (Tailwind's brand-600/700 follow them). No script. A page adopts it by rendering its content
 * inside <HostedCard> (which reads the brand), or <HostedFrame brand={...}> where the brand is
 * already at hand (a client component: the default brand). `wide`: a wider card (My Account's lists).
 */
export function HostedFrame({ brand, touchPoint = "sign-in", locale = "en", wide = false, children }: { brand: PageBrand; touchPoint?: TouchPoint; locale?: Locale; wide?: boolean; children: React.ReactNode }) {
  const words = HOSTED_SHELL_MESSAGES[locale];
  const links = footerLinks(brand, words.privacyPolicy);
  const background = brand.background[touchPoint] === "image" && !brand.backgroundImageUrl ? "default" : brand.background[touchPoint];
  return (
    <div className="hs" data-bg={background} data-width={wide ? "wide" : undefined}>
      {/* The stylesheet's values are validated colours and /brand-assets paths only (brandCssVariables). */}
      <style dangerouslySetInnerHTML={{ __html: hostedShellStyle(brand) }} />
      <header className="hs-header">
        {brand.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- the brand's uploaded logo, served by this server at a content-hashed URL
          <img className="hs-logo" src={brand.logoUrl} alt={brand.productName} />
        ) : (
          <p className="hs-product">{brand.productName}</p>
        )}
      </header>
      <main className="hs-main">
        <div className="hs-card">{children}</div>
      </main>
      {links.length ? (
        <footer className="hs-footer">
          <nav aria-label={words.footerLinks}>
            <ul>
              {links.map((link) => (
                <li key={`${link.label} ${link.url}`}>
                  <a href={link.url}>{link.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </footer>
      ) : null}
    </div>
  );
}

/** The app a sign-in continues to, at the top of the card: its logo and label ("Continue to <app>" in `locale`). */
export function AppBanner({ appLabel, logoUri, locale }: { appLabel?: string; logoUri?: string | null; locale: Locale }) {
  if (!appLabel) return null;
  return (
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
  );
}
