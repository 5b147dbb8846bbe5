import { validationError } from "../okta-api/admin-api-error";

export type PageParams = { limit: number; after: string | null };

/** `limit` (1..max, default `defaultLimit`) and `after` (an opaque cursor: the last item's id). */
export function parsePageParams(url: URL, defaultLimit = 200, maxLimit = 200): PageParams {
  const limits = url.searchParams.getAll("limit");
  const afters = url.searchParams.getAll("after");
  if (limits.length > 1) throw validationError("limit", ["limit: The parameter was given more than once."]);
  if (afters.length > 1) throw validationError("after", ["after: The parameter was given more than once."]);
  let limit = defaultLimit;
  if (limits[0] !== undefined) {
    if (!/^\d+$/.test(limits[0]) || Number(limits[0]) < 1) {
      throw validationError("limit", [`limit: Must be a whole number from 1 to ${maxLimit}.`]);
    }
    limit = Math.min(Number(limits[0]), maxLimit);
  }
  return pageOf(limit, afters[0]);
}

/** A page for an in-process caller (the dashboard): `limit` as given, `after` as parsePageParams keeps it. */
export function pageOf(limit: number, after: string | null | undefined): PageParams {
  return { limit, after: after && after.length <= 128 ? after : null };
}

/** A page of a list operation: its items and the cursor of the next page (null on the last). */
export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * RFC 8288 `Link` header as Okta sends it: `self`, and `next` while more remain, absolute URLs built
 * from ORG_URL. They carry only what defines the page: `limit`, `after` and the list's own
 * `parameters` (its documented filter, search, q...), each value in the request's order; any other
 * query parameter is dropped, so a long query never doubles into the header.
 */
export function pageLinkHeader(orgUrl: string, url: URL, nextCursor: string | null, parameters: readonly string[]): string {
  const kept = new Set(["limit", "after", ...parameters]);
  // The kept pairs as the request wrote them (their own percent-encoding), in its order.
  const pairs = url.search.slice(1).split("&").filter((pair) => kept.has(nameOf(pair)));
  const at = (query: string[]) => new URL(url.pathname + (query.length ? `?${query.join("&")}` : ""), orgUrl).toString();
  const links = [`<${at(pairs)}>; rel="self"`];
  if (nextCursor !== null) {
    const next = [...pairs.filter((pair) => nameOf(pair) !== "after"), `after=${encodeURIComponent(nextCursor)}`];
    links.push(`<${at(next)}>; rel="next"`);
  }
  return links.join(", ");
}

/** The decoded name of one `name=value` pair of a query string. */
function nameOf(pair: string): string {
  return new URLSearchParams(pair).keys().next().value ?? "";
}

/**
 * Runs a keyset query for one page: fetches limit+1 rows to learn whether more remain.
 * Rows must be ordered by `id` (ascending) and filtered by `id > after`.
 */
export async function fetchPage<T extends { id: string }>(
  page: PageParams,
  query: (take: number, after: string | null) => Promise<T[]>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const rows = await query(page.limit + 1, page.after);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? last.id : null };
}
