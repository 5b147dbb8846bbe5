import { EL_FUNCTIONS, EL_FUNCTION_NAMESPACES, describeArity, type ElFunctionSpec } from './el-functions';
import { EL_LIMITS } from './limits';
import { makeElError, quoteSnippet } from './make-el-error';
import { tokenizeExpression, type ElPunctuator, type ElToken } from './tokenize-expression';
import type { ElBinaryOperator, ElError, ElNode, ElParseResult, ElRootName } from './types';

/*
 * Grammar (lowest precedence first), recursive descent:
 *   ternary    := or ( '?' ternary ':' ternary )?
 *   or         := and ( ('||' | OR) and )*
 *   and        := equality ( ('&&' | AND) equality )*
 *   equality   := relational ( ('==' | '!=' | EQ | NE) relational )*
 *   relational := additive ( ('<' | '>' | '<=' | '>=' | LT | GT | LE | GE) additive )*
 *   additive   := unary ( ('+' | '-') unary )*
 *   unary      := ('!' | NOT | '-') unary | postfix
 *   postfix    := primary ( '.' IDENT )*
 *   primary    := NUMBER | STRING | true | false | null | '(' ternary ')'
 *               | root | IDENT '(' args ')' | IDENT '.' IDENT '(' args ')'
 * Only names in the function table can be called; calling anything else is el.unknown_function.
 */

const ROOTS: ReadonlySet<string> = new Set<ElRootName>(['user', 'appuser', 'app', 'access', 'org']);

type Parser = { readonly tokens: readonly ElToken[]; index: number; depth: number };

// Parse failures unwind the recursion with a private marker object; parseExpression catches it.
const FAILURE = Symbol('el.parse.failure');
type ParseFailure = { readonly [FAILURE]: ElError };

function fail(error: ElError): never {
  const failure: ParseFailure = { [FAILURE]: error };
  throw failure;
}

function isParseFailure(value: unknown): value is ParseFailure {
  return typeof value === 'object' && value !== null && FAILURE in value;
}

/** Parses EL source into an AST. Never throws; every problem is an ElError with a stable code. */
export function parseExpression(source: string): ElParseResult {
  if (typeof source !== 'string') {
    return { ok: false, error: makeElError('el.syntax', 'Expression must be a string') };
  }
  if (source.length > EL_LIMITS.maxSourceLength) {
    // Only the allowed prefix is ever scanned. If it already nests too deeply,
    // that is the more useful report ("((((...": el.too_deep, not el.too_long).
    const prefix = parseWithinLimit(source.slice(0, EL_LIMITS.maxSourceLength));
    if (!prefix.ok && prefix.error.code === 'el.too_deep') return prefix;
    return {
      ok: false,
      error: makeElError(
        'el.too_long',
        `Expression is too long: ${source.length} characters (maximum ${EL_LIMITS.maxSourceLength})`,
        EL_LIMITS.maxSourceLength,
      ),
    };
  }
  return parseWithinLimit(source);
}

function parseWithinLimit(source: string): ElParseResult {
  try {
    const tokenized = tokenizeExpression(source);
    if (!tokenized.ok) return tokenized;
    const parser: Parser = { tokens: tokenized.tokens, index: 0, depth: 0 };
    const ast = parseTernary(parser);
    const rest = peek(parser);
    if (rest.kind !== 'eof') fail(unexpected(rest));
    return { ok: true, ast };
  } catch (e) {
    if (isParseFailure(e)) return { ok: false, error: e[FAILURE] };
    // Unreachable with the depth limit in place; kept so the function stays total.
    return { ok: false, error: makeElError('el.internal', 'The expression could not be parsed') };
  }
}

function peek(p: Parser, ahead = 0): ElToken {
  const last = p.tokens[p.tokens.length - 1];
  const token = p.tokens[p.index + ahead] ?? last;
  if (token === undefined) fail(makeElError('el.internal', 'Token stream is empty'));
  return token;
}

function advance(p: Parser): ElToken {
  const token = peek(p);
  if (token.kind !== 'eof') p.index += 1;
  return token;
}

function isOp(token: ElToken, ...ops: ElPunctuator[]): boolean {
  return token.kind === 'op' && ops.includes(token.value);
}

function unexpected(token: ElToken): ElError {
  if (token.kind === 'eof') {
    return makeElError('el.syntax', `Unexpected end of expression at position ${token.pos}`, token.pos);
  }
  return makeElError('el.syntax', `Unexpected token ${quoteSnippet(token.text)} at position ${token.pos}`, token.pos);
}

function expectOp(p: Parser, op: ElPunctuator): ElToken {
  const token = peek(p);
  if (!isOp(token, op)) {
    const found = token.kind === 'eof' ? 'end of expression' : `token ${quoteSnippet(token.text)}`;
    fail(makeElError('el.syntax', `Expected '${op}' but found ${found} at position ${token.pos}`, token.pos));
  }
  return advance(p);
}

function enter(p: Parser, pos: number): void {
  p.depth += 1;
  if (p.depth > EL_LIMITS.maxDepth) {
    fail(makeElError('el.too_deep', `Expression is nested too deeply (maximum depth ${EL_LIMITS.maxDepth}) at position ${pos}`, pos));
  }
}

function leave(p: Parser): void {
  p.depth -= 1;
}

function parseTernary(p: Parser): ElNode {
  const test = parseOr(p);
  const question = peek(p);
  if (!isOp(question, '?')) return test;
  advance(p);
  enter(p, question.pos);
  const consequent = parseTernary(p);
  expectOp(p, ':');
  const alternate = parseTernary(p);
  leave(p);
  return { type: 'conditional', test, consequent, alternate, pos: question.pos };
}

/** One left-associative binary precedence level. */
function parseBinaryLevel(p: Parser, ops: readonly ElBinaryOperator[], next: (p: Parser) => ElNode): ElNode {
  let left = next(p);
  for (;;) {
    const token = peek(p);
    if (token.kind !== 'op') return left;
    const op = ops.find((candidate) => candidate === token.value);
    if (op === undefined) return left;
    advance(p);
    const right = next(p);
    left = { type: 'binary', op, left, right, pos: token.pos };
  }
}

const parseAdditive = (p: Parser): ElNode => parseBinaryLevel(p, ['+', '-'], parseUnary);
const parseRelational = (p: Parser): ElNode => parseBinaryLevel(p, ['<', '>', '<=', '>='], parseAdditive);
const parseEquality = (p: Parser): ElNode => parseBinaryLevel(p, ['==', '!='], parseRelational);
const parseAnd = (p: Parser): ElNode => parseBinaryLevel(p, ['&&'], parseEquality);
const parseOr = (p: Parser): ElNode => parseBinaryLevel(p, ['||'], parseAnd);

function parseUnary(p: Parser): ElNode {
  const token = peek(p);
  if (token.kind === 'op' && (token.value === '!' || token.value === '-')) {
    advance(p);
    enter(p, token.pos);
    const operand = parseUnary(p);
    leave(p);
    return { type: 'unary', op: token.value, operand, pos: token.pos };
  }
  return parsePostfix(p);
}

function parsePostfix(p: Parser): ElNode {
  let node = parsePrimary(p);
  for (;;) {
    const token = peek(p);
    if (isOp(token, '.')) {
      advance(p);
      const name = advance(p);
      if (name.kind !== 'ident') {
        fail(makeElError('el.syntax', `Expected an attribute name after '.' at position ${name.pos}`, name.pos));
      }
      node = { type: 'member', object: node, name: name.value, pos: name.pos };
    } else if (isOp(token, '(')) {
      const what = describeCallee(node);
      fail(makeElError('el.unknown_function', `${what} is not a function at position ${node.pos}`, node.pos));
    } else {
      return node;
    }
  }
}

/** 'user.email' for attribute paths, a generic phrase otherwise. */
function describeCallee(node: ElNode): string {
  const parts: string[] = [];
  let current: ElNode = node;
  while (current.type === 'member') {
    parts.unshift(current.name);
    current = current.object;
  }
  if (current.type !== 'root') return 'This value';
  parts.unshift(current.name);
  return quoteSnippet(parts.join('.'));
}

function parsePrimary(p: Parser): ElNode {
  const token = advance(p);
  switch (token.kind) {
    case 'number':
    case 'string':
    case 'literal':
      return { type: 'literal', value: token.value, pos: token.pos };
    case 'ident':
      return parseIdentifier(p, token);
    case 'op':
      if (token.value === '(') {
        enter(p, token.pos);
        const inner = parseTernary(p);
        expectOp(p, ')');
        leave(p);
        return inner;
      }
      return fail(unexpected(token));
    case 'eof':
      return fail(unexpected(token));
  }
}

function parseIdentifier(p: Parser, token: ElToken & { kind: 'ident' }): ElNode {
  const name = token.value;
  if (ROOTS.has(name)) return { type: 'root', name: name as ElRootName, pos: token.pos };
  if (isOp(peek(p), '(')) return parseCall(p, name, token.pos);
  const member = peek(p, 1);
  if (isOp(peek(p), '.') && member.kind === 'ident') {
    const qualified = `${name}.${member.value}`;
    if (isOp(peek(p, 2), '(')) {
      advance(p);
      advance(p);
      return parseCall(p, qualified, token.pos);
    }
    if (EL_FUNCTION_NAMESPACES.has(name)) {
      const at = peek(p, 2).pos;
      fail(makeElError('el.syntax', `Expected '(' after ${quoteSnippet(qualified)} at position ${at}`, at));
    }
  }
  return fail(makeElError('el.unknown_identifier', `Unknown identifier ${quoteSnippet(name)} at position ${token.pos}`, token.pos));
}

function parseCall(p: Parser, name: string, pos: number): ElNode {
  const spec = EL_FUNCTIONS.get(name);
  if (spec === undefined) fail(unknownFunction(name, pos));
  const open = expectOp(p, '(');
  enter(p, open.pos);
  const args: ElNode[] = [];
  if (isOp(peek(p), ')')) {
    advance(p);
  } else {
    for (;;) {
      if (args.length >= EL_LIMITS.maxArguments) {
        const at = peek(p).pos;
        fail(makeElError('el.arity', `Too many arguments in call to ${quoteSnippet(name)} (maximum ${EL_LIMITS.maxArguments}) at position ${at}`, at));
      }
      args.push(parseTernary(p));
      const separator = advance(p);
      if (isOp(separator, ')')) break;
      if (!isOp(separator, ',')) fail(unexpected(separator));
    }
  }
  leave(p);
  checkArity(name, spec, args.length, pos);
  return { type: 'call', name, args, pos };
}

function unknownFunction(name: string, pos: number): ElError {
  const lower = name.toLowerCase();
  const suggestion = [...EL_FUNCTIONS.keys()].find((known) => known.toLowerCase() === lower);
  const hint = suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
  return makeElError('el.unknown_function', `Unknown function ${quoteSnippet(name)} at position ${pos}${hint}`, pos);
}

function checkArity(name: string, spec: ElFunctionSpec, count: number, pos: number): void {
  if (count >= spec.minArgs && count <= spec.maxArgs) return;
  fail(makeElError('el.arity', `Function '${name}' expects ${describeArity(spec)} but got ${count} at position ${pos}`, pos));
}
