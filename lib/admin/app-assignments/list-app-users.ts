import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { findApp } from "../../apps/find-app";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { readAppUsers } from "../../assignments/read-app-users";
import { appUserJson } from "./app-user-json";

/**
 * GET /api/v1/apps/:appId/users?q&limit&after -> 200 [AppUser]: every user who can use the app,
 * directly (scope USER) or through an assigned group (scope GROUP; all users when Everyone is
 * assigned), by user id, 50 a page by default (at most 500). `q` matches the start of the login.
 */
export async function listAppUsers(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListAppUsers(ctx, ctx.request.params.appId ?? "", () => ({ page: parsePageParams(url, 50, 500), q: url.searchParams.get("q") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q"]) } };
}

/** listAppUsers as a typed operation: one page and the next page's cursor. */
export async function runListAppUsers(ctx: OperationContext, appId: string, request: Deferred<{ page: PageParams; q?: string | null }>) {
  const app = await findApp(ctx.db, appId);
  const { page, ...query } = request();
  const q = query.q?.trim().toLowerCase() ?? "";
  const { items, nextCursor } = await fetchPage(page, (take, after) => readAppUsers(ctx.db, app, { q, take, after }));
  return { items: items.map((user) => appUserJson(ctx.orgUrl, app.id, user, user.assignment)), nextCursor };
}
