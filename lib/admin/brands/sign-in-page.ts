import { findBrand, signInCustomizations } from "../../branding/brand-records";
import { changeSignInPage } from "../../branding/change-sign-in-page";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { signInPageInput, type SignInPageBody } from "./brand-input";
import { brandLogTarget, signInPageJson } from "./brand-json";

/** GET /api/v1/brands/:brandId/pages/sign-in/customized -> 200 {widgetCustomizations}. */
export async function getSignInPage(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetSignInPage(ctx, ctx.request.params.brandId ?? "") };
}

/** getSignInPage as a typed operation. */
export async function runGetSignInPage(ctx: OperationContext, brandId: string) {
  return signInPageJson(signInCustomizations((await findBrand(ctx.db, brandId)).signInPage));
}

/**
 * PUT /api/v1/brands/:brandId/pages/sign-in/customized {widgetCustomizations: {signInLabel?,
 * classicFooterHelpTitle?, helpLabel?, helpUrl?, customLink1Label?, customLink1Url?,
 * customLink2Label?, customLink2Url?}} -> 200: the sign-in page's heading and help text and the
 * footer links of every hosted page (links: absolute https, http or mailto URLs only). Replaces
 * the whole set. Logged as `system.sign_in_page.update`.
 */
export async function replaceSignInPage(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceSignInPage(ctx, ctx.request.params.brandId ?? "", () => readJsonBody<SignInPageBody>(ctx.request)) };
}

/** replaceSignInPage as a typed operation. */
export async function runReplaceSignInPage(ctx: OperationContext, brandId: string, body: Deferred<SignInPageBody>) {
  await findBrand(ctx.db, brandId);
  const customizations = parseInput(signInPageInput, body(), "signInPage");
  return signInPageJson(await save(ctx, brandId, customizations));
}

/** DELETE /api/v1/brands/:brandId/pages/sign-in/customized -> 204: the page's own heading, no help text, no footer links. */
export async function resetSignInPage(ctx: AdminContext): Promise<AdminResponse> {
  await save(ctx, ctx.request.params.brandId ?? "", null);
  return { status: 204 };
}

function save(ctx: OperationContext, brandId: string, customizations: Record<string, string> | null) {
  return changeSignInPage(ctx.db, { brandId, customizations, now: ctx.now() }, async (tx, { before, after }) => {
    const brand = await findBrand(tx, brandId);
    await audit(tx, ctx, "system.sign_in_page.update", `Update sign-in page of brand ${brand.name}`, [brandLogTarget(brand)], { before, after });
  });
}
