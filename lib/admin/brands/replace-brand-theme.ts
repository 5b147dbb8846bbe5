import { findTheme } from "../../branding/brand-records";
import { changeTheme, type ThemeValues } from "../../branding/change-theme";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { themeInput, type ThemeBody } from "./brand-input";
import { themeJson } from "./brand-json";

const FIELDS = [
  "primaryColorHex",
  "primaryColorContrastHex",
  "secondaryColorHex",
  "secondaryColorContrastHex",
  "signInPageTouchPointVariant",
  "errorPageTouchPointVariant",
  "endUserDashboardTouchPointVariant",
  "emailTemplateTouchPointVariant",
  "loadingPageTouchPointVariant",
] as const satisfies readonly (keyof ThemeValues)[];

/**
 * PUT /api/v1/brands/:brandId/themes/:themeId {primaryColorHex, secondaryColorHex,
 * primaryColorContrastHex?, secondaryColorContrastHex?, ...TouchPointVariant?} -> 200 ThemeResponse.
 * Colours are `#rrggbb`; a contrast colour left out is null (the pages compute black or white),
 * and one under 4.5:1 against its colour is replaced on the pages (lib/branding/colors). Variants
 * left out keep their values; the images are kept. Logged as `system.theme.update`.
 */
export async function replaceBrandTheme(ctx: AdminContext): Promise<AdminResponse> {
  const { brandId = "", themeId = "" } = ctx.request.params;
  return { status: 200, body: await runReplaceBrandTheme(ctx, brandId, themeId, () => readJsonBody<ThemeBody>(ctx.request)) };
}

/** replaceBrandTheme as a typed operation. */
export async function runReplaceBrandTheme(ctx: OperationContext, brandId: string, themeId: string, body: Deferred<ThemeBody>) {
  await findTheme(ctx.db, brandId, themeId);
  const input = parseInput(themeInput, body(), "theme");
  const values: Partial<ThemeValues> = {
    primaryColorHex: input.primaryColorHex.toLowerCase(),
    primaryColorContrastHex: input.primaryColorContrastHex?.toLowerCase() ?? null,
    secondaryColorHex: input.secondaryColorHex.toLowerCase(),
    secondaryColorContrastHex: input.secondaryColorContrastHex?.toLowerCase() ?? null,
  };
  for (const field of ["signInPageTouchPointVariant", "errorPageTouchPointVariant", "endUserDashboardTouchPointVariant", "emailTemplateTouchPointVariant", "loadingPageTouchPointVariant"] as const) {
    if (input[field] !== undefined) values[field] = input[field];
  }
  const theme = await changeTheme(ctx.db, { brandId, themeId, values, now: ctx.now() }, (tx, { before, after }) => {
    const changed = FIELDS.filter((field) => before[field] !== after[field]);
    return audit(tx, ctx, "system.theme.update", "Update theme", [{ id: after.id, type: "Theme", alternateId: brandId }], {
      changes: Object.fromEntries(changed.map((field) => [field, { from: before[field], to: after[field] }])),
    });
  });
  return themeJson(ctx.orgUrl, brandId, theme);
}
