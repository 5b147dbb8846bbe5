import { validationError } from "../admin-api-error";
import { parseEqualityFilter } from "../filters/parse-equality-filter";
import { FilterSyntaxError } from "../filters/parse-filter-expression";

export type AppFilter = { status?: "ACTIVE" | "INACTIVE"; name?: string };

const unsupported = (detail: string) =>
  validationError("filter", [`filter: ${detail} Supported: status eq "ACTIVE" | "INACTIVE" and name eq "oidc_client", joined with and.`]);

/** The `filter` of GET /api/v1/apps: `status eq "..."`, `name eq "..."`, combined with `and`. */
export function parseAppFilter(filter: string | null): AppFilter {
  if (filter === null || filter.trim() === "") return {};
  let clauses;
  try {
    clauses = parseEqualityFilter(filter, { status: "string", name: "string" });
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw unsupported(error.message);
    throw error;
  }
  const result: AppFilter = {};
  for (const { field, value } of clauses) {
    if (field === "status") {
      if (value !== "ACTIVE" && value !== "INACTIVE") throw unsupported(`status must be "ACTIVE" or "INACTIVE".`);
      result.status = value;
    } else {
      result.name = String(value);
    }
  }
  return result;
}
