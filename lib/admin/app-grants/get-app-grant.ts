import { findApp } from "../../apps/find-app";
import { findAppScopeGrant } from "../../apps/find-app-scope-grant";
import type { AdminContext, AdminResponse } from "../admin-request";
import { appGrantJson, expandsScope } from "./app-grant-json";

/** GET /api/v1/apps/:appId/grants/:grantId?expand=scope -> 200 (SDK getScopeConsentGrant); unknown app or grant 404. */
export async function getAppGrant(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  const grant = await findAppScopeGrant(ctx.db, app.id, ctx.request.params.grantId ?? "");
  return { status: 200, body: appGrantJson(ctx.orgUrl, app, grant, { expandScope: expandsScope(ctx.request.url) }) };
}
