import type { AppFilter } from "../../apps/list-apps";
import { validationError } from "../../okta-api/admin-api-error";
import { parseEqualityFilter } from "../filters/parse-equality-filter";
import { parseFilterParameter } from "../filters/parse-filter-parameter";

const SUPPORTED = 'Supported: status eq "ACTIVE" | "INACTIVE" and name eq "oidc_client", joined with and.';

/** The `filter` of GET /api/v1/apps: `status eq "..."`, `name eq "..."`, combined with `and`. */
export function parseAppFilter(filter: string | null): AppFilter {
  if (filter === null || filter.trim() === "") return {};
  const clauses = parseFilterParameter("filter", SUPPORTED, () => parseEqualityFilter(filter, { status: "string", name: "string" }));
  const result: AppFilter = {};
  for (const { field, value } of clauses) {
    if (field === "status") {
      if (value !== "ACTIVE" && value !== "INACTIVE") throw validationError("filter", [`filter: status must be "ACTIVE" or "INACTIVE". ${SUPPORTED}`]);
      result.status = value;
    } else {
      result.name = String(value);
    }
  }
  return result;
}
