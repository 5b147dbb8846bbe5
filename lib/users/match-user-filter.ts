import type { User } from "../db/generated/sqlite/client";
import type { UserFilter, UserFilterTerm } from "./user-filter";
import { DEFAULT_USER_TYPE_ID } from "./default-user-type";

export type FilterableUser = Pick<User, "id" | "status" | "created" | "activated" | "statusChanged" | "lastUpdated" | "profile">;

function compareText(actual: unknown, term: UserFilterTerm): boolean {
  if (typeof term.value !== "string") return actual === term.value;
  if (typeof actual !== "string") return false;
  const a = actual.toLowerCase();
  const v = term.value.toLowerCase();
  return term.operator === "sw" ? a.startsWith(v) : term.operator === "co" ? a.includes(v) : a === v;
}

function compareDate(actual: Date | null, term: UserFilterTerm): boolean {
  if (!actual || !(term.value instanceof Date)) return false;
  const a = actual.getTime();
  const v = term.value.getTime();
  switch (term.operator) {
    case "gt":
      return a > v;
    case "ge":
      return a >= v;
    case "lt":
      return a < v;
    case "le":
      return a <= v;
    default:
      return a === v;
  }
}

function matchTerm(term: UserFilterTerm, user: FilterableUser): boolean {
  switch (term.attribute) {
    case "id":
      return user.id === term.value;
    case "status":
      return user.status === term.value;
    case "type.id":
      return term.value === DEFAULT_USER_TYPE_ID;
    case "created":
    case "activated":
    case "statusChanged":
    case "lastUpdated":
      return compareDate(user[term.attribute], term);
  }
  const profile = (user.profile ?? {}) as Record<string, unknown>;
  const actual = Object.hasOwn(profile, term.attribute.slice("profile.".length)) ? profile[term.attribute.slice("profile.".length)] : undefined;
  // An array attribute matches when any element does (SCIM, as Okta).
  return Array.isArray(actual) ? actual.some((element) => compareText(element, term)) : compareText(actual, term);
}

/**
 * Whether a user matches a parsed filter. The source of truth for filter semantics, the same on
 * SQLite and PostgreSQL: strings compare without regard to case (Okta's search semantics), numbers
 * and booleans exactly, dates to the millisecond; an unset attribute matches nothing.
 */
export function matchUserFilter(filter: UserFilter, user: FilterableUser): boolean {
  if (filter.kind === "term") return matchTerm(filter, user);
  return filter.kind === "and" ? filter.terms.every((t) => matchUserFilter(t, user)) : filter.terms.some((t) => matchUserFilter(t, user));
}
