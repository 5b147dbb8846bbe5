/**
 * The one grammar of Okta's `search` and `filter` query parameters (users, groups, trusted origins):
 *
 *   expression := and-expr ("or" and-expr)*
 *   and-expr   := primary ("and" primary)*
 *   primary    := "(" expression ")" | attribute operator value
 *   value      := "double-quoted string" (\" and \\ escaped) | number | true | false
 *
 * Keywords ignore case; `and` binds tighter than `or`. Which attributes, operators and values a
 * resource supports is its own business: `readTerm` receives a comparison's three tokens and turns
 * them into the resource's term (or throws FilterSyntaxError saying what is wrong and where), and
 * `join` builds its and/or nodes. Positions in messages count from 1. Bounded by `limits`.
 */

export type FilterToken =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; text: string; at: number }
  | { kind: "number"; value: number; text: string; at: number }
  | { kind: "("; at: number }
  | { kind: ")"; at: number };

export type FilterWord = Extract<FilterToken, { kind: "word" }>;

export type FilterGrammar<T> = {
  limits: { length: number; terms: number; depth: number };
  /** a comparison: its attribute and the two tokens after it (either may be missing) */
  readTerm(attribute: FilterWord, operator: FilterToken | undefined, value: FilterToken | undefined): T;
  join(kind: "and" | "or", items: T[]): T;
};

/** A malformed or unsupported expression; the message says what and where, for the API's error cause. */
export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterSyntaxError";
  }
}

/** How a message names a token: `'word' at position 7`, `"text" at position 7`, or the end. */
export function describeToken(token: FilterToken | undefined): string {
  if (!token) return "the end of the expression";
  if (token.kind === "(" || token.kind === ")") return `'${token.kind}' at position ${token.at}`;
  if (token.kind === "string") return `"${token.text}" at position ${token.at}`;
  return `'${token.text}' at position ${token.at}`;
}

export function parseFilterExpression<T>(expression: string, grammar: FilterGrammar<T>): T {
  const { limits } = grammar;
  if (expression.length > limits.length) throw new FilterSyntaxError(`The expression is longer than ${limits.length} characters.`);
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new FilterSyntaxError("The expression is empty.");
  let position = 0;
  let termCount = 0;
  const isKeyword = (token: FilterToken | undefined, keyword: string) => token?.kind === "word" && token.text.toLowerCase() === keyword;

  /** `or` joins and-expressions, `and` joins primaries (so `and` binds tighter). */
  function parseJoined(keyword: "or" | "and", depth: number): T {
    const operand = () => (keyword === "or" ? parseJoined("and", depth) : parsePrimary(depth));
    const items = [operand()];
    while (isKeyword(tokens[position], keyword)) {
      position++;
      items.push(operand());
    }
    return items.length === 1 ? items[0]! : grammar.join(keyword, items);
  }

  function parsePrimary(depth: number): T {
    const token = tokens[position];
    if (token?.kind === "(") {
      if (depth >= limits.depth) throw new FilterSyntaxError(`Parentheses nest at most ${limits.depth} deep.`);
      position++;
      const inner = parseJoined("or", depth + 1);
      if (tokens[position]?.kind !== ")") throw new FilterSyntaxError(`Expected ')' to close the '(' at position ${token.at}, found ${describeToken(tokens[position])}.`);
      position++;
      return inner;
    }
    if (token?.kind !== "word" || isKeyword(token, "and") || isKeyword(token, "or") || isKeyword(token, "not")) {
      const hint = isKeyword(token, "not") ? " 'not' is not supported." : "";
      throw new FilterSyntaxError(`Expected an attribute or '(', found ${describeToken(token)}.${hint}`);
    }
    termCount++;
    if (termCount > limits.terms) throw new FilterSyntaxError(`An expression has at most ${limits.terms} comparisons.`);
    const term = grammar.readTerm(token, tokens[position + 1], tokens[position + 2]);
    position += 3;
    return term;
  }

  const result = parseJoined("or", 0);
  if (position < tokens.length) throw new FilterSyntaxError(`Expected 'and', 'or' or the end of the expression, found ${describeToken(tokens[position])}.`);
  return result;
}

function tokenize(expression: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push(c === "(" ? { kind: "(", at: i + 1 } : { kind: ")", at: i + 1 });
      i++;
    } else if (c === '"') {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= expression.length) throw new FilterSyntaxError(`The string that starts at position ${start + 1} has no closing '"'.`);
        const d = expression[i]!;
        if (d === '"') break;
        if (d === "\\") {
          const next = expression[i + 1];
          if (next !== '"' && next !== "\\") throw new FilterSyntaxError(`Only \\" and \\\\ may be escaped in a string (position ${i + 1}).`);
          text += next;
          i += 2;
        } else {
          text += d;
          i++;
        }
      }
      i++;
      // a value runs into the next token only through whitespace or a parenthesis
      if (i < expression.length && !/[\s()]/.test(expression[i]!)) throw new FilterSyntaxError(`Expected a space after the string that starts at position ${start + 1}.`);
      tokens.push({ kind: "string", text, at: start + 1 });
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(expression.slice(i))![0];
      tokens.push({ kind: "word", text: match, at: i + 1 });
      i += match.length;
    } else if (/[-0-9]/.test(c)) {
      const match = /^-?\d{1,15}(?:\.\d{1,15})?(?![A-Za-z0-9_.])/.exec(expression.slice(i));
      if (!match) throw new FilterSyntaxError(`Invalid number at position ${i + 1}.`);
      tokens.push({ kind: "number", value: Number(match[0]), text: match[0], at: i + 1 });
      i += match[0].length;
    } else {
      throw new FilterSyntaxError(`Unexpected character '${c}' at position ${i + 1}.`);
    }
  }
  return tokens;
}
