import { validationError } from "../admin-api-error";

/** The System Log fields `filter` may compare, mapped to their columns. */
const FIELDS = {
  eventType: "eventType",
  "outcome.result": "outcomeResult",
  "actor.id": "actorId",
  severity: "severity",
  uuid: "uuid",
} as const;

export type LogFilter = Partial<Record<(typeof FIELDS)[keyof typeof FIELDS], string>>;

const CLAUSE = /^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/;

/**
 * Okta's `filter` for /api/v1/logs, the subset this server supports: clauses `<field> eq "<value>"`
 * joined by `and` (fields: eventType, outcome.result, actor.id, severity, uuid). Anything else is
 * E0000001 naming `filter`, never silently ignored.
 */
export function parseLogFilter(filter: string | null): LogFilter {
  if (filter === null || filter.trim() === "") return {};
  if (filter.length > 1000) throw validationError("filter", ["filter: At most 1000 characters."]);
  const result: LogFilter = {};
  for (const clause of filter.split(/\s+and\s+/i)) {
    const match = CLAUSE.exec(clause);
    const field = match?.[1] as keyof typeof FIELDS | undefined;
    if (!match || !field || !(field in FIELDS)) {
      throw validationError("filter", [
        `filter: Unsupported expression "${clause.trim()}". Use <field> eq "<value>" joined by and; fields: ${Object.keys(FIELDS).join(", ")}.`,
      ]);
    }
    const column = FIELDS[field];
    if (result[column] !== undefined) throw validationError("filter", [`filter: ${field} is compared more than once.`]);
    result[column] = match[2]!.replace(/\\(.)/g, "$1");
  }
  return result;
}
