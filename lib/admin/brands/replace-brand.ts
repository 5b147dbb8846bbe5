import { findBrand } from "../../branding/brand-records";
import { changeBrand, type BrandChanges } from "../../branding/change-brand";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { brandInput, type BrandBody } from "./brand-input";
import { brandJson, brandLogTarget } from "./brand-json";

const FIELDS = ["name", "customPrivacyPolicyUrl", "agreeToCustomPrivacyPolicy", "removePoweredByOkta", "locale"] as const;

/**
 * PUT /api/v1/brands/:brandId {name?, customPrivacyPolicyUrl?, agreeToCustomPrivacyPolicy?,
 * removePoweredByOkta?, locale?} -> 200 Brand. Fields left out keep their values; the name is the
 * product's own name on every hosted page and email; `locale` is the org's one default language
 * (it writes the org setting defaultLocale). Logged as `system.brand.update` with the
 * changed fields.
 */
export async function replaceBrand(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceBrand(ctx, ctx.request.params.brandId ?? "", () => readJsonBody<BrandBody>(ctx.request)) };
}

/** replaceBrand as a typed operation. */
export async function runReplaceBrand(ctx: OperationContext, brandId: string, body: Deferred<BrandBody>) {
  await findBrand(ctx.db, brandId);
  const input = parseInput(brandInput, body(), "brand");
  const changes: BrandChanges = {};
  for (const field of FIELDS) {
    const value = input[field];
    if (value !== undefined) Object.assign(changes, { [field]: field === "customPrivacyPolicyUrl" ? value || null : value });
  }
  const brand = await changeBrand(ctx.db, { brandId, changes, now: ctx.now() }, (tx, { before, after }) => {
    const changed = FIELDS.filter((field) => before[field] !== after[field]);
    return audit(tx, ctx, "system.brand.update", `Update brand ${after.name}`, [brandLogTarget(after)], {
      changes: Object.fromEntries(changed.map((field) => [field, { from: before[field], to: after[field] }])),
    });
  });
  return brandJson(ctx.orgUrl, brand);
}
