import type { Prisma } from "../db/generated/sqlite/client";
import type { UserFilter, UserFilterTerm } from "./user-filter";
import { DEFAULT_USER_TYPE_ID } from "./default-user-type";

export type UserFilterWhere = {
  /** rows that may match: every matching user satisfies it (it may let others through) */
  where: Prisma.UserWhereInput;
  /** true when `where` selects exactly the matching users */
  exact: boolean;
};

const NOTHING: Prisma.UserWhereInput = { id: { in: [] } };
const DATE_OPERATORS = { eq: "equals", gt: "gt", ge: "gte", lt: "lt", le: "lte" } as const;

function termWhere(term: UserFilterTerm): UserFilterWhere {
  switch (term.attribute) {
    case "id":
    case "status":
      return { where: { [term.attribute]: term.value as string }, exact: true };
    case "type.id":
      return { where: term.value === DEFAULT_USER_TYPE_ID ? {} : NOTHING, exact: true };
    case "created":
    case "activated":
    case "statusChanged":
    case "lastUpdated": {
      const operator = DATE_OPERATORS[term.operator as keyof typeof DATE_OPERATORS];
      return { where: { [term.attribute]: { [operator]: term.value as Date } }, exact: true };
    }
    case "profile.login":
    case "profile.email": {
      const column = term.attribute === "profile.login" ? "loginLower" : "emailLower";
      if (typeof term.value !== "string") return { where: NOTHING, exact: true };
      const value = term.value.toLowerCase();
      if (term.operator === "eq") return { where: { [column]: value }, exact: true };
      // LIKE patterns: whether '%' and '_' in the value are escaped is the driver's business, so
      // treat the result as a superset and let matchUserFilter decide.
      return { where: { [column]: term.operator === "sw" ? { startsWith: value } : { contains: value } }, exact: false };
    }
    default:
      return { where: {}, exact: false }; // other profile attributes live in the JSON profile
  }
}

/**
 * The part of a parsed filter the database can evaluate on its indexed columns (id, status,
 * loginLower, emailLower, the dates), as a Prisma where that every matching user satisfies. Terms on
 * other profile attributes become "anything"; the caller then checks rows with matchUserFilter.
 */
export function userFilterWhere(filter: UserFilter): UserFilterWhere {
  if (filter.kind === "term") return termWhere(filter);
  const parts = filter.terms.map(userFilterWhere);
  const exact = parts.every((p) => p.exact);
  if (filter.kind === "and") return { where: { AND: parts.map((p) => p.where) }, exact };
  // An "or" with an unconstrained branch is unconstrained.
  if (parts.some((p) => Object.keys(p.where).length === 0 && !p.exact)) return { where: {}, exact: false };
  return { where: { OR: parts.map((p) => p.where) }, exact };
}
