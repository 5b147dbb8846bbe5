import { z } from "zod";
import { HEX_COLOR } from "../../branding/colors";
import { isSafeLinkUrl, MAX_LINK_URL_LENGTH } from "../../branding/link-url";
import { SUPPORTED_LOCALES } from "../../i18n/locales";
import type { BodyOf } from "../../okta-api/parse-input";

const CONTROL = /[\u0000-\u001f\u007f]/;
const text = (max: number) =>
  z
    .string({ error: "Must be a string." })
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .refine((value) => !CONTROL.test(value), { error: "Must not contain control characters." });
const linkUrl = z
  .string({ error: "Must be a string." })
  .trim()
  .max(MAX_LINK_URL_LENGTH, { error: `At most ${MAX_LINK_URL_LENGTH} characters.` })
  .refine((value) => value === "" || isSafeLinkUrl(value), { error: "Must be an absolute https, http or mailto URL." });
const color = z.string({ error: "Must be a string." }).regex(HEX_COLOR, { error: "Must be a colour in the form #rrggbb." });
const optionalColor = color.nullish();

/** PUT /api/v1/brands/:brandId (Okta's BrandRequest). Fields left out keep their values. */
export const brandInput = z
  .object({
    name: text(100).min(1, { error: "The name is required." }).optional(),
    customPrivacyPolicyUrl: linkUrl.nullish(),
    agreeToCustomPrivacyPolicy: z.boolean({ error: "Must be true or false." }).optional(),
    removePoweredByOkta: z.boolean({ error: "Must be true or false." }).optional(),
    locale: z.enum(SUPPORTED_LOCALES, { error: `Must be one of ${SUPPORTED_LOCALES.join(", ")}.` }).optional(),
    defaultApp: z
      .object({ appInstanceId: z.null().optional(), appLinkName: z.null().optional(), classicApplicationUri: z.null().optional() }, { error: "Must be an object." })
      .nullish(),
    emailDomainId: z.null({ error: "Custom email domains are not supported." }).optional(),
  })
  .superRefine((value, ctx) => {
    // Okta: a custom privacy policy URL needs the brand's agreement to show its own.
    if (value.customPrivacyPolicyUrl && value.agreeToCustomPrivacyPolicy !== true) {
      ctx.addIssue({ code: "custom", path: ["agreeToCustomPrivacyPolicy"], message: "Must be true when customPrivacyPolicyUrl is set." });
    }
  });
export type BrandBody = BodyOf<typeof brandInput>;

const VARIANTS = {
  signInPageTouchPointVariant: ["OKTA_DEFAULT", "BACKGROUND_SECONDARY_COLOR", "BACKGROUND_IMAGE"],
  errorPageTouchPointVariant: ["OKTA_DEFAULT", "BACKGROUND_SECONDARY_COLOR", "BACKGROUND_IMAGE"],
  endUserDashboardTouchPointVariant: ["OKTA_DEFAULT", "WHITE_LOGO_BACKGROUND", "FULL_THEME", "LOGO_ON_FULL_WHITE_BACKGROUND"],
  emailTemplateTouchPointVariant: ["OKTA_DEFAULT", "FULL_THEME"],
  loadingPageTouchPointVariant: ["OKTA_DEFAULT", "NONE"],
} as const;
const variant = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `Must be one of ${values.join(", ")}.` }).optional();

/**
 * PUT /api/v1/brands/:brandId/themes/:themeId (Okta's UpdateThemeRequest): both colours required,
 * `#rrggbb`; a contrast colour left out or null is computed (black or white). Variants left out
 * keep their values.
 */
export const themeInput = z.object({
  primaryColorHex: color,
  primaryColorContrastHex: optionalColor,
  secondaryColorHex: color,
  secondaryColorContrastHex: optionalColor,
  signInPageTouchPointVariant: variant(VARIANTS.signInPageTouchPointVariant),
  errorPageTouchPointVariant: variant(VARIANTS.errorPageTouchPointVariant),
  endUserDashboardTouchPointVariant: variant(VARIANTS.endUserDashboardTouchPointVariant),
  emailTemplateTouchPointVariant: variant(VARIANTS.emailTemplateTouchPointVariant),
  loadingPageTouchPointVariant: variant(VARIANTS.loadingPageTouchPointVariant),
});
export type ThemeBody = BodyOf<typeof themeInput>;

const LINK_PAIRS = [
  ["helpLabel", "helpUrl"],
  ["customLink1Label", "customLink1Url"],
  ["customLink2Label", "customLink2Url"],
] as const;

/**
 * PUT /api/v1/brands/:brandId/pages/sign-in/customized (Okta's SignInPage), the part this server
 * shows: `widgetCustomizations.signInLabel` (the heading), `classicFooterHelpTitle` (the help
 * text), and up to three footer links (help, custom link 1, custom link 2), each label with its
 * URL. `pageContent` (custom HTML) is refused: the hosted pages are this server's own.
 */
export const signInPageInput = z
  .object({
    pageContent: z.string({ error: "Must be a string." }).max(0, { error: "Custom sign-in page HTML is not supported; use widgetCustomizations." }).nullish(),
    widgetVersion: z.string({ error: "Must be a string." }).nullish(),
    widgetCustomizations: z
      .object(
        {
          signInLabel: text(100).nullish(),
          classicFooterHelpTitle: text(300).nullish(),
          helpLabel: text(60).nullish(),
          helpUrl: linkUrl.nullish(),
          customLink1Label: text(60).nullish(),
          customLink1Url: linkUrl.nullish(),
          customLink2Label: text(60).nullish(),
          customLink2Url: linkUrl.nullish(),
        },
        { error: "Must be an object." },
      )
      .superRefine((value, ctx) => {
        for (const [label, url] of LINK_PAIRS) {
          if (!value[label] !== !value[url]) ctx.addIssue({ code: "custom", path: [value[label] ? url : label], message: `${label} and ${url} go together.` });
        }
      }),
  })
  .transform(({ widgetCustomizations }) => Object.fromEntries(Object.entries(widgetCustomizations).filter(([, value]) => typeof value === "string" && value !== "")) as Record<string, string>);
export type SignInPageBody = BodyOf<typeof signInPageInput>;
