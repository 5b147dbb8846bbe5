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
  /** JSON array: id and detailEntry of each per-event target, in order; null when there is none */
  detail: string | null;
};

/** The event's JSON as the System Log API reads it: the columns the row held before it was compacted. */
export type DecodedLogParts = {
  actor: LogActor;
  client: { ipAddress: string | null; userAgent: { rawUserAgent: string } | null };
  target: LogTarget[];
  debugContext: { debugData: Record<string, unknown> };
  transaction: Record<string, unknown>;
};

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
    detail.push(id, detailEntry);
    return { ...shared, $detail: true as const };
  });
  const context: LogContext = { actor: event.actor, userAgent: event.client?.userAgent || null, target, transaction: event.transaction ?? {} };
  return {
    context: partOf(JSON.stringify(context)),
    debug: partOf(JSON.stringify(event.debugContext ?? {})),
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
  let next = 0;
  const target = shared.target.map((item): LogTarget => {
    if (!("$detail" in item)) return item;
    const rest = Object.fromEntries(Object.entries(item).filter(([name]) => name !== "$detail")) as Omit<LogTarget, "id" | "detailEntry">;
    const id = detail[next++] as string;
    const detailEntry = detail[next++] as Record<string, unknown>;
    return { id, ...rest, detailEntry };
  });
  return {
    actor: shared.actor,
    client: { ipAddress: row.ipAddress, userAgent: shared.userAgent ? { rawUserAgent: shared.userAgent } : null },
    target,
    debugContext: { debugData: debug ? (JSON.parse(debug) as Record<string, unknown>) : {} },
    transaction: shared.transaction,
  };
}
