import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { appAccessPolicies } from "./app-access-policies";
import { appJson } from "./app-json";
import { findApp } from "../../apps/find-app";
import { visibleClientSecret } from "./visible-client-secret";

/** GET /api/v1/apps/:appId -> 200 OpenIdConnectApplication (with its newest ACTIVE client secret, as Okta, for a caller who may manage the app: visibleClientSecret). */
export async function getApp(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetApp(ctx, ctx.request.params.appId ?? "") };
}

/** getApp as a typed operation. */
export async function runGetApp(ctx: OperationContext, appId: string) {
  const app = await findApp(ctx.db, appId);
  return appJson(ctx.orgUrl, app, await visibleClientSecret(ctx, app), (await appAccessPolicies(ctx))(app.id));
}
