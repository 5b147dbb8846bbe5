import { validationError } from "../../okta-api/admin-api-error";
import { parseEqualityFilter } from "../filters/parse-equality-filter";
import { parseFilterParameter } from "../filters/parse-filter-parameter";

/** The System Log fields `filter` may compare, mapped to their columns. */
const FIELDS = {
  eventType: "eventType",
  "outcome.result": "outcomeResult",
  "actor.id": "actorId",
  severity: "severity",
  uuid: "uuid",
} as const;

type Field = keyof typeof FIELDS;
export type LogFilter = Partial<Record<(typeof FIELDS)[Field], string>>;

const FIELD_TYPES = Object.fromEntries(Object.keys(FIELDS).map((field) => [field, "string" as const]));
const USAGE = `Use <field> eq "<value>" joined by and; fields: ${Object.keys(FIELDS).join(", ")}.`;

/**
 * Okta's `filter` for /api/v1/logs, the subset this server supports: clauses `<field> eq "<value>"`
 * joined by `and` (fields: eventType, outcome.result, actor.id, severity, uuid). Anything else is
 * E0000001 naming `filter`, never silently ignored.
 */
export function parseLogFilter(filter: string | null): LogFilter {
  if (filter === null || filter.trim() === "") return {};
  const clauses = parseFilterParameter("filter", USAGE, () => parseEqualityFilter(filter, FIELD_TYPES));
  const result: LogFilter = {};
  for (const { field, value } of clauses) {
    const column = FIELDS[field as Field];
    if (result[column] !== undefined) throw validationError("filter", [`filter: ${field} is compared more than once.`]);
    result[column] = value as string;
  }
  return result;
}
