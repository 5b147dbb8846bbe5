import { describeToken, FilterSyntaxError, parseFilterExpression, type FilterToken, type FilterWord } from "../filters/parse-filter-expression";
import type { UserFilter, UserFilterOperator, UserFilterTerm, UserFilterValue } from "../../users/user-filter";


export const USER_STATUSES = ["STAGED", "PROVISIONED", "ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED", "DEPROVISIONED"] as const;
export const USER_FILTER_DATE_ATTRIBUTES = ["created", "activated", "statusChanged", "lastUpdated"] as const;
export const USER_FILTER_LIMITS = { length: 1024, terms: 20, depth: 5 } as const;

const OPERATORS = new Set<string>(["eq", "sw", "co", "gt", "ge", "lt", "le"]);
const DATE_ATTRIBUTES = new Set<string>(USER_FILTER_DATE_ATTRIBUTES);
const PROFILE_ATTRIBUTE = /^profile\.[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;
const SUPPORTED =
  'Supported: id eq, type.id eq, status eq, created/activated/statusChanged/lastUpdated eq|gt|ge|lt|le "<ISO 8601 date-time>", profile.<attribute> eq|sw|co, joined with and/or and grouped with parentheses.';

function parseDate(attribute: string, text: string): Date {
  const match = ISO_DATE_TIME.exec(text);
  const zone = match?.[8] ?? "";
  const normalized = match ? text.slice(0, text.length - zone.length) + (zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`) : "";
  const date = new Date(normalized);
  // Date accepts some impossible dates (e.g. 2026-02-30) by rolling over: compare the fields back.
  const valid =
    match !== null &&
    !Number.isNaN(date.getTime()) &&
    Number(match[2]) >= 1 &&
    Number(match[2]) <= 12 &&
    Number(match[3]) >= 1 &&
    Number(match[3]) <= new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate() &&
    Number(match[4]) <= 23 &&
    Number(match[5]) <= 59 &&
    Number(match[6]) <= 59;
  if (!valid) throw new FilterSyntaxError(`${attribute} needs an ISO 8601 date-time such as "2026-01-15T10:00:00.000Z"; "${text}" is not one.`);
  return date;
}

function readUserTerm(attributeToken: FilterWord, operatorToken: FilterToken | undefined, valueToken: FilterToken | undefined): UserFilterTerm {
  const attribute = attributeToken.text;
  const isDate = DATE_ATTRIBUTES.has(attribute);
  const isProfile = PROFILE_ATTRIBUTE.test(attribute);
  if (!isDate && !isProfile && attribute !== "id" && attribute !== "status" && attribute !== "type.id") {
    throw new FilterSyntaxError(`The attribute '${attribute}' (position ${attributeToken.at}) cannot be searched. ${SUPPORTED}`);
  }
  if (operatorToken?.kind !== "word" || !OPERATORS.has(operatorToken.text.toLowerCase())) {
    throw new FilterSyntaxError(`Expected an operator (eq, sw, co, gt, ge, lt, le) after '${attribute}', found ${describeToken(operatorToken)}. ${SUPPORTED}`);
  }
  const operator = operatorToken.text.toLowerCase() as UserFilterOperator;
  const allowed = isDate ? ["eq", "gt", "ge", "lt", "le"] : isProfile ? ["eq", "sw", "co"] : ["eq"];
  if (!allowed.includes(operator)) {
    throw new FilterSyntaxError(`'${attribute}' supports ${allowed.join(", ")}, not '${operator}' (position ${operatorToken.at}).`);
  }
  let value: UserFilterValue;
  if (valueToken?.kind === "string") {
    value = valueToken.text;
  } else if (valueToken?.kind === "number") {
    value = valueToken.value;
  } else if (valueToken?.kind === "word" && /^(true|false)$/i.test(valueToken.text)) {
    value = /^true$/i.test(valueToken.text);
  } else {
    throw new FilterSyntaxError(`Expected a value after '${attribute} ${operator}', such as "text", found ${describeToken(valueToken)}.`);
  }
  if (!isProfile && typeof value !== "string") {
    throw new FilterSyntaxError(`'${attribute}' compares with a double-quoted string, not ${describeToken(valueToken)}.`);
  }
  if (isProfile && operator !== "eq" && typeof value !== "string") {
    throw new FilterSyntaxError(`'${operator}' compares with a double-quoted string, not ${describeToken(valueToken)}.`);
  }
  if (isDate) value = parseDate(attribute, value as string);
  if (attribute === "status") {
    const status = (value as string).toUpperCase();
    if (!(USER_STATUSES as readonly string[]).includes(status)) {
      throw new FilterSyntaxError(`"${value as string}" is not a user status; use one of ${USER_STATUSES.join(", ")}.`);
    }
    value = status;
  }
  return { kind: "term", attribute, operator, value };
}

/**
 * Okta's `filter` and `search` expressions for users (the grammar of
 * lib/admin/filters/parse-filter-expression.ts), parsed into a small tree. Attribute names are
 * case-sensitive. Supported terms:
 * - `id eq "..."`, `type.id eq "..."`;
 * - `status eq "ACTIVE"` (any user status);
 * - `created`, `activated`, `statusChanged`, `lastUpdated` with eq, gt, ge, lt, le and an ISO 8601
 *   date-time ("2026-01-15T10:00:00.000Z", offsets allowed);
 * - `profile.<attribute>` with eq (string, number or boolean), sw and co (strings).
 * Anything else (other attributes or operators, `not`, `pr`, syntax errors) throws
 * FilterSyntaxError with a message that says what is wrong and where. Bounded: at most 1024
 * characters, 20 terms, parentheses 5 deep.
 */
export function parseUserFilter(expression: string): UserFilter {
  return parseFilterExpression<UserFilter>(expression, {
    limits: USER_FILTER_LIMITS,
    readTerm: readUserTerm,
    join: (kind, terms) => ({ kind, terms }),
  });
}
