import type { Prisma } from "../../db/generated/sqlite/client";
import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { readSystemLogEvents } from "../../system-log/read-system-log-events";
import { parseLogFilter } from "./parse-log-filter";
import { systemLogEventJson } from "./system-log-event-json";

const DEFAULT_WINDOW_MS = 7 * 86_400_000;

/** A query parameter given at most once. */
function single(url: URL, name: "since" | "until"): string | null {
  const values = url.searchParams.getAll(name);
  if (values.length > 1) throw validationError(name, [`${name}: The parameter was given more than once.`]);
  return values[0] ?? null;
}

function parseTime(value: string | null | undefined, name: "since" | "until"): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw validationError(name, [`${name}: Must be an ISO 8601 timestamp, e.g. 2026-01-01T00:00:00.000Z.`]);
  }
  return date;
}

/** The cursor is the last event's publication time and uuid: a stable keyset across equal timestamps. */
function encodeCursor(published: Date, uuid: string): string {
  return Buffer.from(`${published.getTime()}:${uuid}`).toString("base64url");
}

function decodeCursor(cursor: string | null): { published: number; uuid: string } | null {
  if (!cursor) return null;
  const match = /^(\d{1,15}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw validationError("after", ["after: Not a cursor from this API's Link header."]);
  return { published: Number(match[1]), uuid: match[2]! };
}

/**
 * GET /api/v1/logs: `since` (default 7 days ago), `until`, `filter`, `q` (every keyword must appear
 * in the event type, message or actor), `limit` (default 100, max 1000), `after`, `sortOrder`
 * ASCENDING (default) or DESCENDING; pages by Link rel="next".
 */
export async function listSystemLogEvents(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const request = () => {
    const page = parsePageParams(url, 100, 1000);
    const since = single(url, "since");
    parseTime(since, "since"); // refused before a repeated `until`, as always
    const until = single(url, "until");
    return { page, since, until, sortOrder: url.searchParams.get("sortOrder"), filter: url.searchParams.get("filter"), q: url.searchParams.get("q") };
  };
  const { items, nextCursor } = await runListSystemLogEvents(ctx, request);
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["since", "until", "filter", "q", "sortOrder"]) } };
}

export type SystemLogQuery = {
  page: PageParams;
  since?: string | null;
  until?: string | null;
  sortOrder?: string | null;
  filter?: string | null;
  q?: string | null;
};

/** listSystemLogEvents as a typed operation: one page and the next page's cursor. */
export async function runListSystemLogEvents(ctx: OperationContext, request: Deferred<SystemLogQuery>) {
  const input = request();
  const page = input.page;
  const now = ctx.now();
  const since = parseTime(input.since, "since") ?? new Date(now.getTime() - DEFAULT_WINDOW_MS);
  const until = parseTime(input.until, "until") ?? now;
  if (since > until) throw validationError("since", ["since: Must not be later than until."]);
  const sortOrder = input.sortOrder ?? "ASCENDING";
  if (sortOrder !== "ASCENDING" && sortOrder !== "DESCENDING") {
    throw validationError("sortOrder", ["sortOrder: Must be ASCENDING or DESCENDING."]);
  }
  const direction = sortOrder === "ASCENDING" ? "asc" : "desc";
  const filter = parseLogFilter(input.filter ?? null);
  const keywords = (input.q ?? "").split(/\s+/).filter(Boolean).slice(0, 10);
  const cursor = decodeCursor(page.after);
  const insensitive = ctx.provider === "postgresql" ? { mode: "insensitive" as const } : {};

  const and: Prisma.SystemLogEventWhereInput[] = [
    { published: { gte: since.getTime(), lte: until.getTime() } },
    filter,
    ...keywords.map((word) => ({
      OR: [
        { eventType: { contains: word, ...insensitive } },
        { displayMessage: { contains: word, ...insensitive } },
        { actorId: { contains: word, ...insensitive } },
      ],
    })),
  ];
  if (cursor) {
    const beyond = direction === "asc" ? "gt" : "lt";
    and.push({ OR: [{ published: { [beyond]: cursor.published } }, { published: cursor.published, uuid: { [beyond]: cursor.uuid } }] });
  }
  const rows = await readSystemLogEvents(ctx.db, {
    where: { AND: and },
    orderBy: [{ published: direction }, { uuid: direction }],
    take: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > page.limit && last ? encodeCursor(last.published, last.uuid) : null;
  return { items: items.map(systemLogEventJson), nextCursor };
}
