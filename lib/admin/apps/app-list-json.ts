import type { App } from "../../db/generated/sqlite/client";
import type { OperationContext } from "../admin-request";
import { appJson } from "./app-json";
import { newestClientSecret } from "../../apps/newest-client-secret";

/** A page of apps as Okta lists them: each app's JSON with its newest ACTIVE client secret. */
export async function appListJson(ctx: OperationContext, apps: readonly App[]) {
  const body = [];
  for (const app of apps) body.push(appJson(ctx.orgUrl, app, await newestClientSecret(ctx.db, ctx.secretsKey, app)));
  return body;
}
