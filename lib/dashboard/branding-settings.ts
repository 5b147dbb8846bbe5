import type { OperationContext } from "../admin/admin-request";
import { runListBrands } from "../admin/brands/list-brands";
import { runListBrandThemes } from "../admin/brands/list-brand-themes";
import { runGetSignInPage } from "../admin/brands/sign-in-page";
import { BRAND_IMAGE_MAX_BYTES } from "../branding/check-brand-image";
import { bestContrastColor, contrastRatio, MIN_TEXT_CONTRAST } from "../branding/colors";
import { readBranding } from "../branding/read-branding";
import { SUPPORTED_LOCALES } from "../i18n/locales";

export { BRAND_IMAGE_MAX_BYTES, MIN_TEXT_CONTRAST, SUPPORTED_LOCALES };

/** A colour pair's contrast as the Branding page shows it: the ratio, and whether the pages use the given colour or black/white instead. */
function pair(background: string, given: string | null) {
  const ratio = given ? contrastRatio(background, given) : null;
  return { ratio, replaced: ratio !== null && ratio < MIN_TEXT_CONTRAST, computed: bestContrastColor(background) };
}

/**
 * The Branding page's data through the Brands API's typed operations (the org's one brand, its
 * theme, its sign-in page), the brand as the pages draw it (for the preview) and the contrast of
 * each colour pair.
 */
export async function loadBrandingSettings(ctx: OperationContext) {
  const [brand] = await runListBrands(ctx);
  if (!brand) throw new Error("No brand: the branding migration seeds one.");
  const [theme] = await runListBrandThemes(ctx, brand.id);
  if (!theme) throw new Error("No theme: the branding migration seeds one.");
  const signIn = await runGetSignInPage(ctx, brand.id);
  const page = (await readBranding(ctx.db, ctx.now())).page;
  return {
    brand,
    theme,
    signIn: signIn.widgetCustomizations,
    page,
    contrast: { primary: pair(theme.primaryColorHex, theme.primaryColorContrastHex), secondary: pair(theme.secondaryColorHex, theme.secondaryColorContrastHex) },
  };
}
