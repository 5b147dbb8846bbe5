import { validationError } from "../../okta-api/admin-api-error";
import { describeToken, FilterSyntaxError, parseFilterExpression, type FilterToken, type FilterWord } from "../filters/parse-filter-expression";
import { parseFilterParameter } from "../filters/parse-filter-parameter";

export type ScimOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "sw" | "co";
export type ScimTerm = { attribute: string; operator: ScimOperator; value: string };
export type ScimExpression = { kind: "term"; term: ScimTerm } | { kind: "and" | "or"; items: ScimExpression[] };

const OPERATORS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le", "sw", "co"]);
const SCIM_FILTER_LIMITS = { length: 2048, terms: 20, depth: 8 } as const;

/** Thrown by callers for a well-formed term they do not support (same shape as a syntax error). */
export function unsupportedFilterError(parameter: string, supported: string, detail: string) {
  return validationError(parameter, [`${parameter}: ${detail} Supported: ${supported}.`]);
}

function readScimTerm(attribute: FilterWord, operator: FilterToken | undefined, value: FilterToken | undefined): ScimExpression {
  if (operator?.kind !== "word" || !OPERATORS.has(operator.text.toLowerCase())) {
    throw new FilterSyntaxError(`Expected an operator (eq, ne, gt, ge, lt, le, sw, co) after '${attribute.text}', found ${describeToken(operator)}.`);
  }
  if (value?.kind !== "string") throw new FilterSyntaxError(`Expected a double-quoted value after '${attribute.text} ${operator.text}', found ${describeToken(value)}.`);
  return { kind: "term", term: { attribute: attribute.text, operator: operator.text.toLowerCase() as ScimOperator, value: value.text } };
}

/**
 * The expressions of Okta's `search` and `filter` query parameters for groups and trusted origins
 * (the grammar of lib/admin/filters/parse-filter-expression.ts) with string values only: `attribute
 * op "value"` terms (ops eq ne gt ge lt le sw co) joined with and/or and grouped with parentheses.
 * Which attributes and operators a resource supports is its own business (it maps terms to a query
 * and throws unsupportedFilterError). A malformed expression is E0000001 on `parameter`.
 */
export function parseScimFilter(expression: string, parameter: string, supported: string): ScimExpression {
  return parseFilterParameter(parameter, `Supported: ${supported}.`, () =>
    parseFilterExpression<ScimExpression>(expression, { limits: SCIM_FILTER_LIMITS, readTerm: readScimTerm, join: (kind, items) => ({ kind, items }) }),
  );
}

/** Folds a parsed expression into a query: `term` maps each term, `and`/`or` combine. */
export function foldScimFilter<T>(expression: ScimExpression, fold: { term(term: ScimTerm): T; and(items: T[]): T; or(items: T[]): T }): T {
  if (expression.kind === "term") return fold.term(expression.term);
  const items = expression.items.map((item) => foldScimFilter(item, fold));
  return expression.kind === "and" ? fold.and(items) : fold.or(items);
}
