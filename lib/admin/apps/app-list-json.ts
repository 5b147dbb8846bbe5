import type { App } from "../../db/generated/sqlite/client";
import type { OperationContext } from "../admin-request";
import { appAccessPolicies } from "./app-access-policies";
import { appJson } from "./app-json";
import { visibleClientSecret } from "./visible-client-secret";

/** A page of apps as Okta lists them: each app's JSON with its newest ACTIVE client secret where the caller may see it (visibleClientSecret) and its authentication policy (cached: no query per app). */
export async function appListJson(ctx: OperationContext, apps: readonly App[]) {
  const policyOf = await appAccessPolicies(ctx);
  const body = [];
  for (const app of apps) body.push(appJson(ctx.orgUrl, app, await visibleClientSecret(ctx, app), policyOf(app.id)));
  return body;
}
