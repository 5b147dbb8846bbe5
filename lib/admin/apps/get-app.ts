import type { AdminContext, AdminResponse } from "../admin-request";
import { appJson } from "./app-json";
import { findApp } from "./find-app";
import { newestClientSecret } from "./newest-client-secret";

/** GET /api/v1/apps/:appId -> 200 OpenIdConnectApplication (with its newest ACTIVE client secret, as Okta). */
export async function getApp(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  return { status: 200, body: appJson(ctx.orgUrl, app, await newestClientSecret(ctx.db, ctx.secretsKey, app)) };
}
