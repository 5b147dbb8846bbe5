import { validationError } from "../../okta-api/admin-api-error";
import { scanUsers, type UserSearch } from "../../users/scan-users";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { parseFilterParameter } from "../filters/parse-filter-parameter";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { parseUserFilter } from "./parse-user-filter";
import { userJson } from "./user-json";

const QUERY_PARAMS = ["q", "search", "filter"] as const;
const MAX_Q_LENGTH = 256;

function searchFor(param: (typeof QUERY_PARAMS)[number] | null, value: string): UserSearch {
  if (param === null) return { kind: "all" };
  if (param === "q") {
    const prefix = value.trim().toLowerCase();
    if (prefix.length > MAX_Q_LENGTH) throw validationError("q", [`q: At most ${MAX_Q_LENGTH} characters.`]);
    return prefix ? { kind: "prefix", prefix } : { kind: "all" };
  }
  // the user filter's messages already say what is supported
  return { kind: "filter", filter: parseFilterParameter(param, "", () => parseUserFilter(value)) };
}

/**
 * GET /api/v1/users?q|search|filter&limit&after -> 200 [User] (SDK listUsers), ordered by id, with
 * an absolute Link rel="next" while more remain. Users in a list carry only their `self` link.
 * - no query: every user except DEPROVISIONED ones (as Okta);
 * - `q`: the start of firstName, lastName, email or login, ignoring case; DEPROVISIONED users left
 *   out; default page size 10 (as Okta);
 * - `search` / `filter`: parseUserFilter's expressions (the same for both), every status.
 * At most one of the three per request. `sortBy`/`sortOrder` are not supported (always id order).
 */
export async function listUsers(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const given = QUERY_PARAMS.filter((name) => url.searchParams.has(name));
  for (const name of given) {
    if (url.searchParams.getAll(name).length > 1) throw validationError(name, [`${name}: The parameter was given more than once.`]);
  }
  if (given.length > 1) throw validationError(given[1]!, [`${given[1]}: Use only one of q, search and filter in a request.`]);
  const param = given[0] ?? null;
  const page = parsePageParams(url, param === "q" ? 10 : 200, 200);
  const { items, nextCursor } = await runListUsers(ctx, () => ({ page, ...(param ? { [param]: url.searchParams.get(param)! } : {}) }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, QUERY_PARAMS) } };
}

/** listUsers as a typed operation: one page and the next page's cursor, for the one of q, search and filter given (the handler refuses two). */
export async function runListUsers(ctx: OperationContext, request: Deferred<{ page: PageParams; q?: string; search?: string; filter?: string }>) {
  const input = request();
  const param = QUERY_PARAMS.find((name) => input[name] !== undefined) ?? null;
  const search = searchFor(param, param ? (input[param] ?? "") : "");
  const { items, nextCursor } = await fetchPage(input.page, (take, after) => scanUsers(ctx.db, search, take, after));
  return { items: items.map((user) => userJson(ctx.orgUrl, user, { links: "self" })), nextCursor };
}
