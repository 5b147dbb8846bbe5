import { createHash } from "node:crypto";
import type { LogActor, LogTarget, SystemLogInput } from "./write-system-log";

/** A value stored once in SystemLogPart, under the hash of its JSON text. */
export type SystemLogPart = { key: string; value: string };

/**
 * What an event shares with others (its context part): the actor, the user agent, the targets with
 * each per-event target (one with a detailEntry: a token, a grant) reduced to what it shares (its
 * type, names) and marked "$detail", and the transaction.
 */
type SharedTarget = LogTarget | (Omit<LogTarget, "id" | "detailEntry"> & { $detail: true });
type LogContext = { actor: LogActor; userAgent: string | null; target: SharedTarget[]; transaction: Record<string, unknown> };

/** The stored form of an event's JSON: two part references and, inline, what only this event has. */
export type EncodedLogParts = {
  context: SystemLogPart;
  debug: SystemLogPart;
  /**
   * JSON array: id and detailEntry (an expiry alone as epoch milliseconds) of each per-event target, in order, then, when the debug data has
   * per-event values, the array of those values (so the array's length is odd); null when there is
   * nothing per event
   */
  detail: string | null;
};

/**
 * Debug values that differ on every event of their kind: a refresh's presented token and the token
 * it was rotated to. Their place in the shared debug part holds PER_EVENT (keeping the key order)
 * and their values go inline with the event, so every rotation of a grant shares one debug part.
 */
const PER_EVENT_DEBUG_KEYS: ReadonlySet<string> = new Set(["refreshTokenId", "rotatedTo"]);
const PER_EVENT = "$event";

/** The event's JSON as the System Log API reads it: the columns the row held before it was compacted. */
export type DecodedLogParts = {
  actor: LogActor;
  client: { ipAddress: string | null; userAgent: { rawUserAgent: string } | null };
  target: LogTarget[];
  debugContext: { debugData: Record<string, unknown> };
  transaction: Record<string, unknown>;
};

/**
 * A token's detailEntry is usually just its expiry, `{"expires":"<ISO time>"}` (37 bytes): stored as
 * the time in epoch milliseconds (13 bytes) when that reads back as the same text.
 */
function compactDetailEntry(entry: Record<string, unknown>): unknown {
  const keys = Object.keys(entry);
  if (keys.length !== 1 || keys[0] !== "expires" || typeof entry.expires !== "string") return entry;
  const ms = Date.parse(entry.expires);
  return Number.isFinite(ms) && new Date(ms).toISOString() === entry.expires ? ms : entry;
}

function expandDetailEntry(stored: unknown): Record<string, unknown> {
  return typeof stored === "number" ? { expires: new Date(stored).toISOString() } : (stored as Record<string, unknown>);
}

/** 12 bytes of SHA-256 in base64url (16 characters): content-addressed, collision-free in practice. */
function partOf(value: string): SystemLogPart {
  return { key: createHash("sha256").update(value).digest("base64url").slice(0, 16), value };
}

/** Splits an event's JSON into its shared parts and its per-event detail (decodeLogParts reverses it). */
export function encodeLogParts(event: SystemLogInput): EncodedLogParts {
  const detail: unknown[] = [];
  const target = (event.target ?? []).map((item): SharedTarget => {
    if (item.detailEntry === undefined) return item;
    const { id, detailEntry, ...shared } = item;
    detail.push(id, compactDetailEntry(detailEntry));
    return { ...shared, $detail: true as const };
  });
  const context: LogContext = { actor: event.actor, userAgent: event.client?.userAgent || null, target, transaction: event.transaction ?? {} };
  const perEvent: unknown[] = [];
  const debug = Object.fromEntries(
    Object.entries(event.debugContext ?? {}).map(([name, value]) => {
      if (!PER_EVENT_DEBUG_KEYS.has(name) || typeof value !== "string") return [name, value];
      perEvent.push(value);
      return [name, PER_EVENT];
    }),
  );
  if (perEvent.length > 0) detail.push(perEvent);
  return {
    context: partOf(JSON.stringify(context)),
    debug: partOf(JSON.stringify(debug)),
    detail: detail.length > 0 ? JSON.stringify(detail) : null,
  };
}

/**
 * An event's JSON from its parts (their JSON text; undefined: missing, which only an event past the
 * log's retention can meet) and its row's inline values.
 */
export function decodeLogParts(row: { ipAddress: string | null; detail: string | null }, context: string | undefined, debug: string | undefined): DecodedLogParts {
  const shared: LogContext = context ? (JSON.parse(context) as LogContext) : { actor: { id: "", type: "" }, userAgent: null, target: [], transaction: {} };
  const detail = row.detail ? (JSON.parse(row.detail) as unknown[]) : [];
  const perEvent = detail.length % 2 === 1 ? (detail.pop() as unknown[]) : [];
  let next = 0;
  const target = shared.target.map((item): LogTarget => {
    if (!("$detail" in item)) return item;
    const rest = Object.fromEntries(Object.entries(item).filter(([name]) => name !== "$detail")) as Omit<LogTarget, "id" | "detailEntry">;
    const id = detail[next++] as string;
    const detailEntry = expandDetailEntry(detail[next++]);
    return { id, ...rest, detailEntry };
  });
  return {
    actor: shared.actor,
    client: { ipAddress: row.ipAddress, userAgent: shared.userAgent ? { rawUserAgent: shared.userAgent } : null },
    target,
    debugContext: { debugData: debug ? withPerEventValues(JSON.parse(debug) as Record<string, unknown>, perEvent) : {} },
    transaction: shared.transaction,
  };
}

/** The shared debug data with its PER_EVENT places filled, in order, from the event's own values. */
function withPerEventValues(shared: Record<string, unknown>, perEvent: unknown[]): Record<string, unknown> {
  if (perEvent.length === 0) return shared;
  let next = 0;
  return Object.fromEntries(Object.entries(shared).map(([name, value]) => [name, PER_EVENT_DEBUG_KEYS.has(name) && value === PER_EVENT ? perEvent[next++] : value]));
}
