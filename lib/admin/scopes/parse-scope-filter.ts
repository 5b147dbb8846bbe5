import { validationError } from "../admin-api-error";

export type ScopeFilterTerm = { attribute: "name"; value: string } | { attribute: "system"; value: boolean };

const UNSUPPORTED = 'filter: Unsupported filter expression. Supported: name eq "<scope name>" and system eq true|false, joined with and.';
const TERM = /^\s*(name|system)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)(?=\s|$)/i;
const AND = /^\s+and\s+/i;

/**
 * The `filter` query parameter of GET /scopes, a small subset of Okta's SCIM-like filter syntax:
 * `name eq "x"` (compared without regard to case, as scope names are unique that way) and
 * `system eq true|false`, joined with `and`. Anything else is E0000001 on filter.
 */
export function parseScopeFilter(filter: string): ScopeFilterTerm[] {
  const terms: ScopeFilterTerm[] = [];
  let rest = filter;
  for (;;) {
    const match = TERM.exec(rest);
    if (!match) throw validationError("filter", [UNSUPPORTED]);
    const attribute = match[1]!.toLowerCase();
    const raw = match[2]!;
    if (attribute === "name") {
      if (!raw.startsWith('"')) throw validationError("filter", [UNSUPPORTED]);
      terms.push({ attribute: "name", value: raw.slice(1, -1).replace(/\\(.)/g, "$1") });
    } else {
      if (raw.startsWith('"')) throw validationError("filter", [UNSUPPORTED]);
      terms.push({ attribute: "system", value: raw.toLowerCase() === "true" });
    }
    rest = rest.slice(match[0].length);
    if (rest.trim() === "") return terms;
    const and = AND.exec(rest);
    if (!and) throw validationError("filter", [UNSUPPORTED]);
    rest = rest.slice(and[0].length);
  }
}
