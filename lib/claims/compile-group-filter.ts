import { RE2JS } from "re2js";

/** How a GROUPS claim selects the user's groups (spec: "Details for groupFilterType"). */
export const GROUP_FILTER_TYPES = ["STARTS_WITH", "EQUALS", "CONTAINS", "REGEX"] as const;
export type GroupFilterType = (typeof GROUP_FILTER_TYPES)[number];

/** A GROUPS claim's value (a REGEX pattern included) is at most this many characters. */
export const MAX_GROUP_FILTER_LENGTH = 256;

export type GroupFilter = {
  type: GroupFilterType;
  value: string;
  /** Whether a group name passes the filter. Never throws; safe to call per group per token. */
  matches(groupName: string): boolean;
};

export type CompileGroupFilterResult = { ok: true; filter: GroupFilter } | { ok: false; message: string };

/**
 * Compiles a GROUPS claim's filter once, for the admin API (400 with `message`) and for the token
 * service (filter the user's group names with `filter.matches`).
 *
 * - STARTS_WITH, EQUALS, CONTAINS: compare without regard to case (spec).
 * - REGEX: case-sensitive (spec), and the pattern must match the whole group name, as Java's
 *   `String.matches` does in Okta (`^` and `$` are allowed but not needed). The spec's delimited
 *   form `/pattern/` is accepted and means `pattern`. Admins write these patterns and every token
 *   request runs them, so they are compiled with RE2 (re2js), whose matching takes time linear in
 *   the pattern and the name, whatever the pattern: `(a+)+`, `(.|.)*x` and the like cost what
 *   `a+` does, and one typo cannot stall the server (a backtracking engine such as JavaScript's
 *   RegExp takes 2^n steps on them). With a pattern of at most MAX_GROUP_FILTER_LENGTH characters
 *   and group names of at most 255, one match is bounded by a few thousand steps. RE2 has no
 *   backreferences or lookaround (they are what make backtracking necessary): such a pattern is
 *   refused with RE2's message, as is any invalid one.
 */
export function compileGroupFilter(type: string, value: string): CompileGroupFilterResult {
  if (!(GROUP_FILTER_TYPES as readonly string[]).includes(type)) {
    return { ok: false, message: `Unknown group filter type '${type}'; use STARTS_WITH, EQUALS, CONTAINS or REGEX.` };
  }
  if (value.length === 0) return { ok: false, message: "The group filter cannot be empty." };
  if (value.length > MAX_GROUP_FILTER_LENGTH) {
    return { ok: false, message: `The group filter is at most ${MAX_GROUP_FILTER_LENGTH} characters.` };
  }
  const filterType = type as GroupFilterType;
  if (filterType !== "REGEX") {
    const needle = value.toLowerCase();
    const test =
      filterType === "EQUALS"
        ? (name: string) => name.toLowerCase() === needle
        : filterType === "STARTS_WITH"
          ? (name: string) => name.toLowerCase().startsWith(needle)
          : (name: string) => name.toLowerCase().includes(needle);
    return { ok: true, filter: { type: filterType, value, matches: (name) => typeof name === "string" && test(name) } };
  }

  const pattern = value.length >= 2 && value.startsWith("/") && value.endsWith("/") ? value.slice(1, -1) : value;
  if (pattern.length === 0) return { ok: false, message: "The REGEX group filter cannot be empty." };
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern);
  } catch (error) {
    return { ok: false, message: `The REGEX group filter is not a valid regular expression: ${(error as Error).message}` };
  }
  // Matcher.matches: the whole name, like Java's String.matches.
  return { ok: true, filter: { type: "REGEX", value, matches: (name) => typeof name === "string" && regex.matches(name) } };
}
