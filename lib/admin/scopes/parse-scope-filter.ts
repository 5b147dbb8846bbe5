import type { ScopeFilterTerm } from "../../authorization-servers/scopes/list-scopes";
import { parseEqualityFilter } from "../filters/parse-equality-filter";
import { parseFilterParameter } from "../filters/parse-filter-parameter";


const SUPPORTED = 'Supported: name eq "<scope name>" and system eq true|false, joined with and.';

/**
 * The `filter` query parameter of GET /scopes, a small subset of Okta's SCIM-like filter syntax:
 * `name eq "x"` (compared without regard to case, as scope names are unique that way) and
 * `system eq true|false`, joined with `and` (field names in any case). Anything else is E0000001 on
 * filter, saying what is wrong and where.
 */
export function parseScopeFilter(filter: string): ScopeFilterTerm[] {
  const clauses = parseFilterParameter("filter", SUPPORTED, () => parseEqualityFilter(filter, { name: "string", system: "boolean" }, { ignoreFieldCase: true }));
  return clauses.map((clause) => (clause.field === "name" ? { attribute: "name", value: String(clause.value) } : { attribute: "system", value: clause.value === true }));
}
