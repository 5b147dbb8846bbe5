import type { Prisma } from "../db/generated/sqlite/client";

/**
 * The event types written for every token and authorization (the System Log's bulk), with the
 * message each always carries, stored as a short code ("~" and the position here, 2-3 bytes in the
 * row and in the eventType index instead of ~38) and an empty displayMessage when it is that message.
 * APPEND ONLY: a stored code means its type for as long as the log keeps the row. Every other event
 * type is stored as it is; no Okta event type starts with "~".
 */
const INTERNED: ReadonlyArray<readonly [eventType: string, message: string]> = [
  ["app.oauth2.as.token.grant.access_token", "OAuth2 access token is granted"],
  ["app.oauth2.as.token.grant.id_token", "OAuth2 id token is granted"],
  ["app.oauth2.as.token.grant.refresh_token", "OAuth2 refresh token is granted"],
  ["app.oauth2.as.authorize.code", "OAuth2 authorization code is granted"],
  ["app.oauth2.as.authorize.implicit.access_token", "OAuth2 access token is granted"],
  ["app.oauth2.as.authorize.implicit.id_token", "OAuth2 id token is granted"],
  ["app.oauth2.as.authorize", "OAuth2 authorization request needs the user to sign in"],
  ["app.oauth2.as.token.revoke", "OAuth2 token revocation request"],
];

const CODE_PREFIX = "~";
const codeOf = new Map(INTERNED.map(([eventType], index) => [eventType, `${CODE_PREFIX}${index.toString(36)}`]));
const byCode = new Map(INTERNED.map(([eventType, message], index) => [`${CODE_PREFIX}${index.toString(36)}`, { eventType, message }]));

/** The stored form of an event's type and message (the row's eventType and displayMessage columns). */
export function internEventType(eventType: string, displayMessage: string): { eventType: string; displayMessage: string } {
  const code = codeOf.get(eventType);
  if (code === undefined) return { eventType, displayMessage };
  const { message } = byCode.get(code)!;
  return { eventType: code, displayMessage: displayMessage === message ? "" : displayMessage };
}

/** An event's type and message from their stored form (internEventType reversed). */
export function expandEventType(stored: string, storedMessage: string): { eventType: string; displayMessage: string } {
  const interned = byCode.get(stored);
  if (interned === undefined) return { eventType: stored, displayMessage: storedMessage };
  return { eventType: interned.eventType, displayMessage: storedMessage === "" ? interned.message : storedMessage };
}

/** Prisma's string filter (with PostgreSQL's mode), as far as this rewriting reads it. */
type StringFilter =
  | string
  | { equals?: unknown; in?: unknown; notIn?: unknown; contains?: unknown; startsWith?: unknown; endsWith?: unknown; not?: unknown; mode?: "default" | "insensitive" };

/** Whether a string filter (equals, in, notIn, contains, startsWith, endsWith, not; insensitive when asked) matches a value. */
function matches(filter: StringFilter, value: string): boolean {
  if (typeof filter === "string") return filter === value;
  const fold = (text: string) => (filter.mode === "insensitive" ? text.toLowerCase() : text);
  const subject = fold(value);
  const text = (operand: unknown) => fold(String(operand));
  if (filter.equals !== undefined && subject !== text(filter.equals)) return false;
  if (filter.in !== undefined && !(filter.in as unknown[]).some((item) => text(item) === subject)) return false;
  if (filter.notIn !== undefined && (filter.notIn as unknown[]).some((item) => text(item) === subject)) return false;
  if (filter.contains !== undefined && !subject.includes(text(filter.contains))) return false;
  if (filter.startsWith !== undefined && !subject.startsWith(text(filter.startsWith))) return false;
  if (filter.endsWith !== undefined && !subject.endsWith(text(filter.endsWith))) return false;
  if (filter.not !== undefined) return !matches(filter.not as StringFilter, value);
  return true;
}

/** Keys of StringFilter this rewriting understands; a filter with any other key is left as it is. */
const UNDERSTOOD = new Set(["equals", "in", "notIn", "contains", "startsWith", "endsWith", "not", "mode"]);
const understood = (filter: unknown): filter is StringFilter =>
  typeof filter === "string" || (typeof filter === "object" && filter !== null && Object.keys(filter).every((key) => UNDERSTOOD.has(key)));

/** A caller's filter, passed on to Prisma as it was written. */
const asWritten = (filter: StringFilter) => filter as Prisma.SystemLogEventWhereInput["eventType"];

/**
 * A findMany `where` over the event types and messages callers know, rewritten for the stored form:
 * a condition on eventType also matches the codes of the interned types it matches, and one on
 * displayMessage also matches an empty stored message of the interned types whose message it
 * matches (AND, OR and NOT are followed). Conditions on other columns are unchanged.
 */
export function storedEventTypeWhere(where: Prisma.SystemLogEventWhereInput): Prisma.SystemLogEventWhereInput {
  const rewritten: Prisma.SystemLogEventWhereInput[] = [];
  const rest: Prisma.SystemLogEventWhereInput = {};
  for (const [key, value] of Object.entries(where) as Array<[keyof Prisma.SystemLogEventWhereInput, unknown]>) {
    if ((key === "AND" || key === "OR" || key === "NOT") && value !== undefined) {
      const list = (Array.isArray(value) ? value : [value]) as Prisma.SystemLogEventWhereInput[];
      Object.assign(rest, { [key]: list.map(storedEventTypeWhere) });
    } else if (key === "eventType" && understood(value)) {
      const codes = INTERNED.flatMap(([eventType]) => (matches(value, eventType) ? [codeOf.get(eventType)!] : []));
      // the filter as written, on rows stored as they are (kept off coded rows whenever it could match a code)
      const raw: Prisma.SystemLogEventWhereInput = [...byCode.keys()].some((code) => matches(value, code)) ? { eventType: asWritten(value), NOT: { eventType: { startsWith: CODE_PREFIX } } } : { eventType: asWritten(value) };
      if (codes.length === 0 && raw.NOT === undefined) Object.assign(rest, { eventType: value });
      else rewritten.push(codes.length ? { OR: [raw, { eventType: { in: codes } }] } : raw);
    } else if (key === "displayMessage" && understood(value)) {
      const codes = INTERNED.flatMap(([eventType, message]) => (matches(value, message) ? [codeOf.get(eventType)!] : []));
      // an empty stored message stands for its type's message, never for itself
      const raw: Prisma.SystemLogEventWhereInput = matches(value, "") ? { displayMessage: asWritten(value), NOT: { displayMessage: "" } } : { displayMessage: asWritten(value) };
      if (codes.length === 0 && raw.NOT === undefined) Object.assign(rest, { displayMessage: value });
      else rewritten.push(codes.length ? { OR: [raw, { displayMessage: "", eventType: { in: codes } }] } : raw);
    } else {
      Object.assign(rest, { [key]: value });
    }
  }
  if (rewritten.length === 0) return rest;
  return { AND: [rest, ...rewritten] };
}
