import type { AdminContext, AdminResponse } from "../admin-request";
import { pageLinkHeader, parsePageParams } from "../pagination";
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
  const page = parsePageParams(url, 20, 200);
  const filter = parseAppFilter(url.searchParams.get("filter"));
  const q = url.searchParams.get("q")?.trim().toLowerCase() ?? "";
  const where = { ...filter, ...(page.after ? { id: { gt: page.after } } : {}) };
  const candidates = await ctx.db.app.findMany({
    where,
    select: { id: true, label: true, name: true },
    orderBy: { id: "asc" },
    ...(q ? {} : { take: page.limit + 1 }),
  });
  const matching = q ? candidates.filter((app) => app.label.toLowerCase().startsWith(q) || app.name.toLowerCase().startsWith(q)) : candidates;
  const ids = matching.slice(0, page.limit).map((app) => app.id);
  const nextCursor = matching.length > page.limit ? (ids.at(-1) ?? null) : null;
  const apps = ids.length ? await ctx.db.app.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }) : [];
  return { status: 200, body: await appListJson(ctx, apps), headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q", "filter"]) } };
}
