import type { Brand } from "../../db/generated/sqlite/client";
import type { SignInCustomizations, ThemeRecord } from "../../branding/brand-records";
import type { Locale } from "../../i18n/locales";
import { link } from "../../okta-api/links";

/**
 * Okta's Brand object (BrandWithEmbedded without `_embedded`): defaultApp and emailDomainId are not
 * supported, always empty; `locale` is the org's one default language (the org setting defaultLocale).
 */
export function brandJson(orgUrl: string, brand: Brand & { locale: Locale }) {
  const base = `/api/v1/brands/${brand.id}`;
  return {
    id: brand.id,
    name: brand.name,
    isDefault: brand.isDefault,
    agreeToCustomPrivacyPolicy: brand.agreeToCustomPrivacyPolicy,
    customPrivacyPolicyUrl: brand.customPrivacyPolicyUrl,
    removePoweredByOkta: brand.removePoweredByOkta,
    locale: brand.locale,
    defaultApp: { appInstanceId: null, appLinkName: null, classicApplicationUri: null },
    emailDomainId: null,
    _links: {
      self: link(orgUrl, base, ["GET", "PUT"]),
      themes: link(orgUrl, `${base}/themes`, ["GET"]),
    },
  };
}

/** Okta's ThemeResponse: image fields are absolute URLs of this server (null when none); no favicon. */
export function themeJson(orgUrl: string, brandId: string, theme: ThemeRecord) {
  return {
    id: theme.id,
    logo: theme.logoPath ? `${orgUrl}${theme.logoPath}` : null,
    favicon: null,
    backgroundImage: theme.backgroundPath ? `${orgUrl}${theme.backgroundPath}` : null,
    primaryColorHex: theme.primaryColorHex,
    primaryColorContrastHex: theme.primaryColorContrastHex,
    secondaryColorHex: theme.secondaryColorHex,
    secondaryColorContrastHex: theme.secondaryColorContrastHex,
    signInPageTouchPointVariant: theme.signInPageTouchPointVariant,
    endUserDashboardTouchPointVariant: theme.endUserDashboardTouchPointVariant,
    errorPageTouchPointVariant: theme.errorPageTouchPointVariant,
    emailTemplateTouchPointVariant: theme.emailTemplateTouchPointVariant,
    loadingPageTouchPointVariant: theme.loadingPageTouchPointVariant,
    _links: { self: link(orgUrl, `/api/v1/brands/${brandId}/themes/${theme.id}`, ["GET", "PUT"]) },
  };
}

/** Okta's SignInPage, the part this server keeps: `widgetCustomizations` (no pageContent: the hosted pages are not custom HTML). */
export function signInPageJson(customizations: SignInCustomizations) {
  return { widgetCustomizations: customizations };
}

/** A brand's System Log target. */
export function brandLogTarget(brand: Pick<Brand, "id" | "name">) {
  return { id: brand.id, type: "Brand", alternateId: brand.name, displayName: brand.name };
}
