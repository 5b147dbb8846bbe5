import type { Prisma } from "../db/generated/sqlite/client";
import { foldScimFilter, unsupportedFilterError, type ScimExpression, type ScimTerm } from "../okta-api/scim-filter";

/** What GET /api/v1/groups supports in `search` and `filter` (the parser's usage text too). */
export const GROUP_FILTER_SUPPORTED =
  'type eq "OKTA_GROUP"|"BUILT_IN", id eq "...", profile.name eq "..." (ignoring case), and created, lastUpdated or lastMembershipUpdated with gt|ge|lt|le|eq "<ISO 8601 time>", joined with and/or and grouped with parentheses';
const DATE_OPERATORS = { gt: "gt", ge: "gte", lt: "lt", le: "lte", eq: "equals" } as const;

/** A condition on groups (groupFilterWhere), for readGroups. */
export type GroupCondition = Prisma.GroupWhereInput;

/**
 * The parsed `search` or `filter` parameter of GET /api/v1/groups as a database condition. Okta's
 * two parameters differ in what they index, not in syntax, so both accept the same subset here.
 */
export function groupFilterWhere(expression: ScimExpression, parameter: "search" | "filter"): GroupCondition {
  return foldScimFilter<GroupCondition>(expression, {
    term: (term) => termWhere(term, parameter),
    and: (items) => ({ AND: items }),
    or: (items) => ({ OR: items }),
  });
}

function termWhere(term: ScimTerm, parameter: string): Prisma.GroupWhereInput {
  const unsupported = () => unsupportedFilterError(parameter, GROUP_FILTER_SUPPORTED, `'${term.attribute} ${term.operator}' is not supported.`);
  switch (term.attribute) {
    case "type":
      if (term.operator !== "eq") throw unsupported();
      return { type: term.value };
    case "id":
      if (term.operator !== "eq") throw unsupported();
      return { id: term.value };
    case "profile.name":
      if (term.operator !== "eq") throw unsupported();
      return { nameLower: term.value.toLowerCase() };
    case "created":
    case "lastUpdated":
    case "lastMembershipUpdated": {
      if (!(term.operator in DATE_OPERATORS)) throw unsupported();
      const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(term.value) ? new Date(term.value) : null;
      if (!time || Number.isNaN(time.getTime())) {
        throw unsupportedFilterError(parameter, GROUP_FILTER_SUPPORTED, `'${term.value}' is not an ISO 8601 time such as "2026-01-15T10:00:00.000Z".`);
      }
      return { [term.attribute]: { [DATE_OPERATORS[term.operator as keyof typeof DATE_OPERATORS]]: time } };
    }
    default:
      throw unsupported();
  }
}
