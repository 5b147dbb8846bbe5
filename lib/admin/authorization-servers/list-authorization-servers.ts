import * as servers from "../../authorization-servers/list-authorization-servers";
import { rotateAllDueKeys } from "../../keys/rotate-all-due-keys";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { authorizationServerJson } from "./authorization-server-json";

/**
 * GET /api/v1/authorizationServers?q&limit&after. `q` matches the start of the name or of the
 * audience, case-insensitively. An org has few servers, so the match runs in memory, the same on
 * SQLite and PostgreSQL; pages are ordered by id and `after` is the last id seen.
 */
export async function listAuthorizationServers(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListAuthorizationServers(ctx, () => ({ page: parsePageParams(url), q: url.searchParams.get("q") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q"]) } };
}

/** listAuthorizationServers as a typed operation: one page and the next page's cursor. */
export async function runListAuthorizationServers(ctx: OperationContext, request: Deferred<{ page: PageParams; q?: string | null }>) {
  const { page, q } = request();
  await rotateAllDueKeys(ctx.db, ctx.secretsKey, ctx.now());
  const matching = await servers.listAuthorizationServers(ctx.db, { after: page.after, q });
  const items = matching.slice(0, page.limit);
  const nextCursor = matching.length > page.limit ? items.at(-1)!.id : null;
  return { items: items.map((server) => authorizationServerJson(ctx.orgUrl, server, server.keys[0]?.kid ?? null)), nextCursor };
}
