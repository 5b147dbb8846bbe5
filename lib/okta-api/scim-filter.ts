import { validationError } from "./admin-api-error";

export type ScimOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "sw" | "co";
export type ScimTerm = { attribute: string; operator: ScimOperator; value: string };
/**
 * A parsed `search` or `filter` expression of the groups and trusted-origins lists
 * (lib/admin/groups/parse-scim-filter.ts reads the text); the domain modules map it to a query.
 */
export type ScimExpression = { kind: "term"; term: ScimTerm } | { kind: "and" | "or"; items: ScimExpression[] };

/** Thrown by callers for a well-formed term they do not support (same shape as a syntax error). */
export function unsupportedFilterError(parameter: string, supported: string, detail: string) {
  return validationError(parameter, [`${parameter}: ${detail} Supported: ${supported}.`]);
}

/** Folds a parsed expression into a query: `term` maps each term, `and`/`or` combine. */
export function foldScimFilter<T>(expression: ScimExpression, fold: { term(term: ScimTerm): T; and(items: T[]): T; or(items: T[]): T }): T {
  if (expression.kind === "term") return fold.term(expression.term);
  const items = expression.items.map((item) => foldScimFilter(item, fold));
  return expression.kind === "and" ? fold.and(items) : fold.or(items);
}
