import type { ScimExpression, ScimOperator } from "../../okta-api/scim-filter";
import { describeToken, FilterSyntaxError, parseFilterExpression, type FilterToken, type FilterWord } from "../filters/parse-filter-expression";
import { parseFilterParameter } from "../filters/parse-filter-parameter";

const OPERATORS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le", "sw", "co"]);
const SCIM_FILTER_LIMITS = { length: 2048, terms: 20, depth: 8 } as const;

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
 * Which attributes and operators a resource supports is its own business: its domain module maps
 * the terms to a query (foldScimFilter) and throws unsupportedFilterError (lib/okta-api/scim-filter.ts).
 * A malformed expression is E0000001 on `parameter`.
 */
export function parseScimFilter(expression: string, parameter: string, supported: string): ScimExpression {
  return parseFilterParameter(parameter, `Supported: ${supported}.`, () =>
    parseFilterExpression<ScimExpression>(expression, { limits: SCIM_FILTER_LIMITS, readTerm: readScimTerm, join: (kind, items) => ({ kind, items }) }),
  );
}
