import type { Db, DbTx } from "../db/create-db-client";
import { formatMessage } from "../i18n/format-message";
import type { Locale } from "../i18n/locales";
import { HOSTED_SHELL_MESSAGES } from "../http/hosted-shell-messages";
import { footerLinks } from "../http/render-hosted-shell";
import { findBrandInForce } from "./brand-records";
import { DEFAULT_BRANDING, resolveBranding } from "./resolve-branding";

/** What an email shows of the brand (the shape lib/mail's renderer takes: its `loadMailBrand`). */
export type MailBrand = { productName: string; logoUrl?: string; primaryColor: string; footerLinks: { label: string; url: string }[] };

/**
 * The brand in force for an email, read in the caller's transaction (the mail renderer's), so a
 * message queued with a change sees that change. The logo is an absolute URL under ORG_URL (mail
 * clients fetch it from there); with the theme's email variant OKTA_DEFAULT the email keeps the
 * neutral colour and no logo, with FULL_THEME it carries both. The product name and the footer
 * links (help, custom links, privacy policy) are always the brand's, the privacy policy's label in
 * the email's `locale`.
 */
export async function readMailBrand(db: Db | DbTx, input: { orgUrl: string; locale: Locale }): Promise<MailBrand> {
  const { orgUrl, locale } = input;
  const found = await findBrandInForce(db);
  const branding = found ? resolveBranding(found.brand, found.theme) : DEFAULT_BRANDING;
  const privacy = formatMessage(HOSTED_SHELL_MESSAGES, locale, "privacyPolicy");
  const brand: MailBrand = {
    productName: branding.page.productName,
    primaryColor: branding.emailFullTheme ? branding.primaryColor : DEFAULT_BRANDING.primaryColor,
    footerLinks: footerLinks(branding.page, privacy),
  };
  if (branding.emailFullTheme && branding.page.logoUrl) brand.logoUrl = `${orgUrl}${branding.page.logoUrl}`;
  return brand;
}
