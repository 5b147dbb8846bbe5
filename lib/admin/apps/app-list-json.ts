import type { App } from "../../db/generated/sqlite/client";
import type { OperationContext } from "../admin-request";
import { appAccessPolicies } from "./app-access-policies";
import { appJson } from "./app-json";
import { newestClientSecret } from "../../apps/newest-client-secret";

/** A page of apps as Okta lists them: each app's JSON with its newest ACTIVE client secret and its authentication policy (cached: no query per app). */
export async function appListJson(ctx: OperationContext, apps: readonly App[]) {
  const policyOf = await appAccessPolicies(ctx);
  const body = [];
  for (const app of apps) body.push(appJson(ctx.orgUrl, app, await newestClientSecret(ctx.db, ctx.secretsKey, app), policyOf(app.id)));
  return body;
}
