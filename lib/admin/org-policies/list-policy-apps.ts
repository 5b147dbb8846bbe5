import { readAccessPolicyApps } from "../../apps/read-access-policy-apps";
import { findOrgPolicy } from "../../sign-on-policies/find-org-policy";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { appListJson } from "../apps/app-list-json";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";

/**
 * GET /api/v1/policies/:policyId/app?limit&after -> 200 [OpenIdConnectApplication] (Okta's "List all
 * apps mapped to a policy", SDK listPolicyApps): the apps whose sign-in the authentication policy
 * decides, as GET /api/v1/apps shows them (each with `_links.accessPolicy` naming this policy),
 * ordered by app id, all of them up to 200 a page (Okta documents no paging here; a Link rel="next"
 * follows while more remain). The default ACCESS_POLICY lists every app assigned to no other
 * policy too; a policy of another type maps no app ([]). 404 E0000007 for an unknown policy.
 */
export async function listPolicyAppsEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListPolicyApps(ctx, ctx.request.params.policyId ?? "", () => parsePageParams(url, 200, 200));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) } };
}

/** listPolicyAppsEndpoint as a typed operation: one page and the next page's cursor. */
export async function runListPolicyApps(ctx: OperationContext, policyId: string, page: () => PageParams) {
  const policy = await findOrgPolicy(ctx.db, policyId);
  const params = page();
  if (policy.type !== "ACCESS_POLICY") return { items: [], nextCursor: null };
  const { items, nextCursor } = await fetchPage(params, (take, after) => readAccessPolicyApps(ctx.db, { policyId: policy.id, isDefault: policy.system, take, after }));
  return { items: await appListJson(ctx, items), nextCursor };
}
