import { connection } from "next/server";
import { getAppContext } from "@/lib/app-context";
import { readPageBrand } from "@/lib/hosted/read-hosted-branding";
import type { TouchPoint } from "@/lib/http/page-brand";
import type { Locale } from "@/lib/i18n/locales";
import { AppBanner, HostedFrame } from "./hosted-frame";

/**
 * The frame of the hosted pages: the one hosted page shell (HostedFrame) with the brand in force,
 * and in its card the app's logo and name above the content ("Continue to <app>" in `locale`).
 * Every hosted page renders its content inside it.
 */
export async function HostedCard({
  appLabel,
  logoUri,
  locale,
  touchPoint = "sign-in",
  wide,
  children,
}: {
  appLabel?: string;
  logoUri?: string | null;
  locale: Locale;
  touchPoint?: TouchPoint;
  wide?: boolean;
  children: React.ReactNode;
}) {
  await connection(); // read per request, never prerendered (the 404 page would otherwise keep the build's brand)
  const brand = await readPageBrand(getAppContext());
  return (
    <HostedFrame brand={brand} touchPoint={touchPoint} locale={locale} wide={wide}>
      <AppBanner appLabel={appLabel} logoUri={logoUri} locale={locale} />
      {children}
    </HostedFrame>
  );
}
