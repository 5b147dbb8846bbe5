import { validationError } from "../admin-api-error";

export type AppFilter = { status?: "ACTIVE" | "INACTIVE"; name?: string };

const CLAUSE = /^(status|name)\s+eq\s+"([^"]*)"$/;
const unsupported = (detail: string) =>
  validationError("filter", [`filter: ${detail} Supported: status eq "ACTIVE" | "INACTIVE" and name eq "oidc_client", joined with and.`]);

/** The `filter` of GET /api/v1/apps: `status eq "..."`, `name eq "..."`, combined with `and`. */
export function parseAppFilter(filter: string | null): AppFilter {
  if (filter === null || filter.trim() === "") return {};
  const result: AppFilter = {};
  for (const clause of filter.trim().split(/\s+and\s+/)) {
    const match = CLAUSE.exec(clause.trim());
    if (!match) throw unsupported(`'${clause.trim()}' is not a supported expression.`);
    const [, attribute, value = ""] = match;
    if (attribute === "status") {
      if (value !== "ACTIVE" && value !== "INACTIVE") throw unsupported(`status must be "ACTIVE" or "INACTIVE".`);
      result.status = value;
    } else {
      result.name = value;
    }
  }
  return result;
}
