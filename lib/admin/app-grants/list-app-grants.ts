import { findApp } from "../../apps/find-app";
import { listAppScopeGrants } from "../../apps/list-app-scope-grants";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { appGrantJson, expandsScope } from "./app-grant-json";

/** GET /api/v1/apps/:appId/grants?expand=scope -> 200 [] (SDK listScopeConsentGrants), oldest first; unknown app 404. */
export async function listAppGrants(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListAppGrants(ctx, ctx.request.params.appId ?? "", { expandScope: expandsScope(ctx.request.url) }) };
}

/** listAppGrants as a typed operation (the dashboard's app page). */
export async function runListAppGrants(ctx: OperationContext, appId: string, options: { expandScope?: boolean } = {}) {
  const app = await findApp(ctx.db, appId);
  const grants = await listAppScopeGrants(ctx.db, app.id);
  return grants.map((grant) => appGrantJson(ctx.orgUrl, app, grant, options));
}
