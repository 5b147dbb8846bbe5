import { validationError } from "../admin-api-error";

export type ScimOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "sw" | "co";
export type ScimTerm = { attribute: string; operator: ScimOperator; value: string };
export type ScimExpression = { kind: "term"; term: ScimTerm } | { kind: "and" | "or"; items: ScimExpression[] };

const OPERATORS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le", "sw", "co"]);
const MAX_LENGTH = 2048;
const MAX_DEPTH = 8;

type Token = { kind: "word" | "string" | "(" | ")"; text: string; at: number };

/** Thrown by callers for a well-formed term they do not support (same shape as a syntax error). */
export function unsupportedFilterError(parameter: string, supported: string, detail: string) {
  return validationError(parameter, [`${parameter}: ${detail} Supported: ${supported}.`]);
}

/**
 * The SCIM-like expressions of Okta's `search` and `filter` query parameters: `attribute op "value"`
 * terms (ops eq ne gt ge lt le sw co; values double-quoted, `\"` and `\\` escaped) joined with
 * `and` / `or` (and binds tighter) and grouped with parentheses. Keywords and operators ignore
 * case. Which attributes and operators a resource supports is its own business (it maps terms to
 * a query and throws unsupportedFilterError). A malformed expression is E0000001 on `parameter`.
 */
export function parseScimFilter(expression: string, parameter: string, supported: string): ScimExpression {
  const fail = (detail: string): never => {
    throw unsupportedFilterError(parameter, supported, detail);
  };
  if (expression.length > MAX_LENGTH) fail(`The expression is longer than ${MAX_LENGTH} characters.`);
  const tokens = tokenize(expression, fail);
  let position = 0;
  const peek = () => tokens[position];
  const isKeyword = (token: Token | undefined, keyword: string) => token?.kind === "word" && token.text.toLowerCase() === keyword;

  function parseOr(depth: number): ScimExpression {
    const items = [parseAnd(depth)];
    while (isKeyword(peek(), "or")) {
      position++;
      items.push(parseAnd(depth));
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  }

  function parseAnd(depth: number): ScimExpression {
    const items = [parsePrimary(depth)];
    while (isKeyword(peek(), "and")) {
      position++;
      items.push(parsePrimary(depth));
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  }

  function parsePrimary(depth: number): ScimExpression {
    const token = peek();
    if (!token) return fail("The expression ends too early.");
    if (token.kind === "(") {
      if (depth >= MAX_DEPTH) fail(`Parentheses nest at most ${MAX_DEPTH} deep.`);
      position++;
      const inner = parseOr(depth + 1);
      if (peek()?.kind !== ")") fail(`Expected ')' at position ${peek()?.at ?? expression.length}.`);
      position++;
      return inner;
    }
    if (token.kind !== "word" || isKeyword(token, "and") || isKeyword(token, "or")) fail(`Expected an attribute at position ${token.at}.`);
    position++;
    const operator = peek();
    if (operator?.kind !== "word" || !OPERATORS.has(operator.text.toLowerCase())) {
      return fail(`Expected an operator (eq, ne, gt, ge, lt, le, sw, co) after '${token.text}'.`);
    }
    position++;
    const value = peek();
    if (value?.kind !== "string") return fail(`Expected a double-quoted value after '${token.text} ${operator.text}'.`);
    position++;
    return { kind: "term", term: { attribute: token.text, operator: operator.text.toLowerCase() as ScimOperator, value: value.text } };
  }

  const result = parseOr(0);
  const extra = peek();
  if (extra) fail(`Unexpected '${extra.text}' at position ${extra.at}.`);
  return result;
}

function tokenize(expression: string, fail: (detail: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const char = expression[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === "(" || char === ")") {
      tokens.push({ kind: char, text: char, at: i });
      i++;
    } else if (char === '"') {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= expression.length) fail(`The value that starts at position ${start} has no closing '"'.`);
        const c = expression[i]!;
        if (c === "\\" && i + 1 < expression.length) {
          text += expression[i + 1];
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          text += c;
          i++;
        }
      }
      // A value runs into the next token only through whitespace or a parenthesis.
      if (i < expression.length && !/[\s()]/.test(expression[i]!)) fail(`Expected a space after the value that starts at position ${start}.`);
      tokens.push({ kind: "string", text, at: start });
    } else {
      const match = /^[A-Za-z][A-Za-z0-9_.]*/.exec(expression.slice(i));
      if (!match) fail(`Unexpected '${char}' at position ${i}.`);
      tokens.push({ kind: "word", text: match![0], at: i });
      i += match![0].length;
    }
  }
  return tokens;
}

/** Folds a parsed expression into a query: `term` maps each term, `and`/`or` combine. */
export function foldScimFilter<T>(expression: ScimExpression, fold: { term(term: ScimTerm): T; and(items: T[]): T; or(items: T[]): T }): T {
  if (expression.kind === "term") return fold.term(expression.term);
  const items = expression.items.map((item) => foldScimFilter(item, fold));
  return expression.kind === "and" ? fold.and(items) : fold.or(items);
}
