import { listApps as findAppPage } from "../../apps/list-apps";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { appListJson } from "./app-list-json";
import { parseAppFilter } from "./parse-app-filter";

/**
 * GET /api/v1/apps?q&filter&limit&after -> 200 [OpenIdConnectApplication], ordered by id, 20 a page
 * by default (at most 200), with an absolute Link rel="next" while more remain. `q` matches the
 * start of the label or name, case-insensitively (Okta's startsWith), the same on SQLite and
 * PostgreSQL; `filter` takes `status eq` and `name eq`.
 */
export async function listApps(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListApps(ctx, () => ({ page: parsePageParams(url, 20, 200), filter: url.searchParams.get("filter"), q: url.searchParams.get("q") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q", "filter"]) } };
}

/** listApps as a typed operation: one page and the next page's cursor. */
export async function runListApps(ctx: OperationContext, request: Deferred<{ page: PageParams; filter?: string | null; q?: string | null }>) {
  const { page, ...query } = request();
  const filter = parseAppFilter(query.filter ?? null);
  const q = query.q?.trim().toLowerCase() ?? "";
  const { apps, nextCursor } = await findAppPage(ctx.db, { filter, q, limit: page.limit, after: page.after });
  return { items: await appListJson(ctx, apps), nextCursor };
}
