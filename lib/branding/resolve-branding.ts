import type { Brand } from "../db/generated/sqlite/client";
import { DEFAULT_PAGE_BRAND, type PageBackground, type PageBrand } from "../http/page-brand";
import { signInCustomizations, type ThemeRecord } from "./brand-records";
import { bestContrastColor, effectiveContrastColor, mixColors, readableOn } from "./colors";

/** The brand in force as the surfaces use it: the page shell's brand, the sign-in page's words, the email's colours. */
export type Branding = {
  brandId: string;
  themeId: string;
  page: PageBrand;
  /** the sign-in page's heading and help text (null: the page's own) */
  signIn: { heading: string | null; helpText: string | null };
  /** the theme's primary colour as configured (emails) */
  primaryColor: string;
  /** the email template variant: FULL_THEME uses the brand's colours and logo, OKTA_DEFAULT the neutral ones */
  emailFullTheme: boolean;
};

const VARIANTS: Record<string, PageBackground> = { OKTA_DEFAULT: "default", BACKGROUND_SECONDARY_COLOR: "secondary", BACKGROUND_IMAGE: "image" };

/**
 * The page brand of a stored brand and theme: colours with their contrast resolved (a contrast
 * colour under 4.5:1 is replaced by black or white; links use the primary colour darkened until it
 * reads on white), the footer links (help, custom links 1 and 2), the privacy policy when the brand
 * agreed to show its own.
 */
export function resolveBranding(brand: Brand, theme: ThemeRecord): Branding {
  const custom = signInCustomizations(brand.signInPage);
  const primary = theme.primaryColorHex.toLowerCase();
  const onPrimary = effectiveContrastColor(primary, theme.primaryColorContrastHex);
  const secondary = theme.secondaryColorHex.toLowerCase();
  const links: { label: string; url: string }[] = [];
  for (const [label, url] of [
    [custom.helpLabel, custom.helpUrl],
    [custom.customLink1Label, custom.customLink1Url],
    [custom.customLink2Label, custom.customLink2Url],
  ] as const) {
    if (label && url) links.push({ label, url });
  }
  return {
    brandId: brand.id,
    themeId: theme.id,
    primaryColor: primary,
    emailFullTheme: theme.emailTemplateTouchPointVariant === "FULL_THEME",
    signIn: { heading: custom.signInLabel ?? null, helpText: custom.classicFooterHelpTitle ?? null },
    page: {
      productName: brand.name,
      logoUrl: theme.logoPath,
      backgroundImageUrl: theme.backgroundPath,
      colors: {
        primary,
        onPrimary,
        // a hover moves away from the text colour: darker under white text, lighter under black
        primaryHover: mixColors(primary, bestContrastColor(onPrimary), 0.15),
        primaryText: readableOn(primary, "#ffffff"),
        secondary,
        onSecondary: effectiveContrastColor(secondary, theme.secondaryColorContrastHex),
      },
      background: { "sign-in": VARIANTS[theme.signInPageTouchPointVariant] ?? "default", error: VARIANTS[theme.errorPageTouchPointVariant] ?? "default" },
      footerLinks: links,
      privacyPolicyUrl: brand.agreeToCustomPrivacyPolicy ? brand.customPrivacyPolicyUrl : null,
    },
  };
}

/** The brand when none is stored (a database the branding migration has not seeded): neutral. */
export const DEFAULT_BRANDING: Branding = {
  brandId: "",
  themeId: "",
  page: DEFAULT_PAGE_BRAND,
  signIn: { heading: null, helpText: null },
  primaryColor: DEFAULT_PAGE_BRAND.colors.primary,
  emailFullTheme: false,
};
