/**
 * Okta's `filter` and `search` expressions for users, parsed into a small tree:
 *
 *   expression := and-expr ("or" and-expr)*
 *   and-expr   := primary ("and" primary)*
 *   primary    := "(" expression ")" | attribute operator value
 *   value      := "double-quoted string" (\" and \\ escaped) | number | true | false
 *
 * Keywords and operators ignore case; attribute names do not. Supported terms:
 * - `id eq "..."`, `type.id eq "..."`;
 * - `status eq "ACTIVE"` (any user status);
 * - `created`, `activated`, `statusChanged`, `lastUpdated` with eq, gt, ge, lt, le and an ISO 8601
 *   date-time ("2026-01-15T10:00:00.000Z", offsets allowed);
 * - `profile.<attribute>` with eq (string, number or boolean), sw and co (strings).
 * Anything else (other attributes or operators, `not`, `pr`, syntax errors) throws
 * UserFilterError with a message that says what is wrong and where. Bounded: at most 1024
 * characters, 20 terms, parentheses 5 deep.
 */

export type UserFilterOperator = "eq" | "sw" | "co" | "gt" | "ge" | "lt" | "le";
export type UserFilterValue = string | number | boolean | Date;
export type UserFilterTerm = { kind: "term"; attribute: string; operator: UserFilterOperator; value: UserFilterValue };
export type UserFilter = UserFilterTerm | { kind: "and" | "or"; terms: UserFilter[] };

export class UserFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFilterError";
  }
}

export const USER_STATUSES = ["STAGED", "PROVISIONED", "ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED", "DEPROVISIONED"] as const;
export const USER_FILTER_DATE_ATTRIBUTES = ["created", "activated", "statusChanged", "lastUpdated"] as const;
export const USER_FILTER_LIMITS = { length: 1024, terms: 20, depth: 5 } as const;

const OPERATORS = new Set<string>(["eq", "sw", "co", "gt", "ge", "lt", "le"]);
const DATE_ATTRIBUTES = new Set<string>(USER_FILTER_DATE_ATTRIBUTES);
const PROFILE_ATTRIBUTE = /^profile\.[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;
const SUPPORTED =
  'Supported: id eq, type.id eq, status eq, created/activated/statusChanged/lastUpdated eq|gt|ge|lt|le "<ISO 8601 date-time>", profile.<attribute> eq|sw|co, joined with and/or and grouped with parentheses.';

type Token =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; text: string; at: number }
  | { kind: "number"; value: number; text: string; at: number }
  | { kind: "("; at: number }
  | { kind: ")"; at: number };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push(c === "(" ? { kind: "(", at: i + 1 } : { kind: ")", at: i + 1 });
      i++;
    } else if (c === '"') {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= expression.length) throw new UserFilterError(`The string that starts at position ${start + 1} has no closing '"'.`);
        const d = expression[i]!;
        if (d === '"') break;
        if (d === "\\") {
          const next = expression[i + 1];
          if (next !== '"' && next !== "\\") throw new UserFilterError(`Only \\" and \\\\ may be escaped in a string (position ${i + 1}).`);
          text += next;
          i += 2;
        } else {
          text += d;
          i++;
        }
      }
      tokens.push({ kind: "string", text, at: start + 1 });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(expression.slice(i))![0];
      tokens.push({ kind: "word", text: match, at: i + 1 });
      i += match.length;
    } else if (/[-0-9]/.test(c)) {
      const match = /^-?\d{1,15}(?:\.\d{1,15})?(?![A-Za-z0-9_.])/.exec(expression.slice(i));
      if (!match) throw new UserFilterError(`Invalid number at position ${i + 1}.`);
      tokens.push({ kind: "number", value: Number(match[0]), text: match[0], at: i + 1 });
      i += match[0].length;
    } else {
      throw new UserFilterError(`Unexpected character '${c}' at position ${i + 1}.`);
    }
  }
  return tokens;
}

function describe(token: Token | undefined): string {
  if (!token) return "the end of the expression";
  if (token.kind === "(" || token.kind === ")") return `'${token.kind}' at position ${token.at}`;
  if (token.kind === "string") return `"${token.text}" at position ${token.at}`;
  return `'${token.text}' at position ${token.at}`;
}

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
  if (!valid) throw new UserFilterError(`${attribute} needs an ISO 8601 date-time such as "2026-01-15T10:00:00.000Z"; "${text}" is not one.`);
  return date;
}

function makeTerm(attributeToken: Token & { kind: "word" }, operatorToken: Token | undefined, valueToken: Token | undefined): UserFilterTerm {
  const attribute = attributeToken.text;
  const isDate = DATE_ATTRIBUTES.has(attribute);
  const isProfile = PROFILE_ATTRIBUTE.test(attribute);
  if (!isDate && !isProfile && attribute !== "id" && attribute !== "status" && attribute !== "type.id") {
    throw new UserFilterError(`The attribute '${attribute}' (position ${attributeToken.at}) cannot be searched. ${SUPPORTED}`);
  }
  if (operatorToken?.kind !== "word" || !OPERATORS.has(operatorToken.text.toLowerCase())) {
    throw new UserFilterError(`Expected an operator (eq, sw, co, gt, ge, lt, le) after '${attribute}', found ${describe(operatorToken)}. ${SUPPORTED}`);
  }
  const operator = operatorToken.text.toLowerCase() as UserFilterOperator;
  const allowed = isDate ? ["eq", "gt", "ge", "lt", "le"] : isProfile ? ["eq", "sw", "co"] : ["eq"];
  if (!allowed.includes(operator)) {
    throw new UserFilterError(`'${attribute}' supports ${allowed.join(", ")}, not '${operator}' (position ${operatorToken.at}).`);
  }
  let value: UserFilterValue;
  if (valueToken?.kind === "string") {
    value = valueToken.text;
  } else if (valueToken?.kind === "number") {
    value = valueToken.value;
  } else if (valueToken?.kind === "word" && /^(true|false)$/i.test(valueToken.text)) {
    value = /^true$/i.test(valueToken.text);
  } else {
    throw new UserFilterError(`Expected a value after '${attribute} ${operator}', such as "text", found ${describe(valueToken)}.`);
  }
  if (!isProfile && typeof value !== "string") {
    throw new UserFilterError(`'${attribute}' compares with a double-quoted string, not ${describe(valueToken)}.`);
  }
  if (isProfile && operator !== "eq" && typeof value !== "string") {
    throw new UserFilterError(`'${operator}' compares with a double-quoted string, not ${describe(valueToken)}.`);
  }
  if (isDate) value = parseDate(attribute, value as string);
  if (attribute === "status") {
    const status = (value as string).toUpperCase();
    if (!(USER_STATUSES as readonly string[]).includes(status)) {
      throw new UserFilterError(`"${value as string}" is not a user status; use one of ${USER_STATUSES.join(", ")}.`);
    }
    value = status;
  }
  return { kind: "term", attribute, operator, value };
}

export function parseUserFilter(expression: string): UserFilter {
  if (expression.length > USER_FILTER_LIMITS.length) throw new UserFilterError(`The expression is longer than ${USER_FILTER_LIMITS.length} characters.`);
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new UserFilterError(`The expression is empty. ${SUPPORTED}`);
  let position = 0;
  let termCount = 0;
  const isKeyword = (token: Token | undefined, keyword: string) => token?.kind === "word" && token.text.toLowerCase() === keyword;

  function parseOr(depth: number): UserFilter {
    const terms = [parseAnd(depth)];
    while (isKeyword(tokens[position], "or")) {
      position++;
      terms.push(parseAnd(depth));
    }
    return terms.length === 1 ? terms[0]! : { kind: "or", terms };
  }

  function parseAnd(depth: number): UserFilter {
    const terms = [parsePrimary(depth)];
    while (isKeyword(tokens[position], "and")) {
      position++;
      terms.push(parsePrimary(depth));
    }
    return terms.length === 1 ? terms[0]! : { kind: "and", terms };
  }

  function parsePrimary(depth: number): UserFilter {
    const token = tokens[position];
    if (token?.kind === "(") {
      if (depth >= USER_FILTER_LIMITS.depth) throw new UserFilterError(`Parentheses nest at most ${USER_FILTER_LIMITS.depth} deep.`);
      position++;
      const inner = parseOr(depth + 1);
      if (tokens[position]?.kind !== ")") throw new UserFilterError(`Expected ')' to close the '(' at position ${token.at}, found ${describe(tokens[position])}.`);
      position++;
      return inner;
    }
    if (token?.kind !== "word" || isKeyword(token, "and") || isKeyword(token, "or") || isKeyword(token, "not")) {
      const hint = isKeyword(token, "not") ? " 'not' is not supported." : "";
      throw new UserFilterError(`Expected an attribute or '(', found ${describe(token)}.${hint}`);
    }
    termCount++;
    if (termCount > USER_FILTER_LIMITS.terms) throw new UserFilterError(`An expression has at most ${USER_FILTER_LIMITS.terms} comparisons.`);
    const term = makeTerm(token, tokens[position + 1], tokens[position + 2]);
    position += 3;
    return term;
  }

  const filter = parseOr(0);
  if (position < tokens.length) throw new UserFilterError(`Expected 'and', 'or' or the end of the expression, found ${describe(tokens[position])}.`);
  return filter;
}
