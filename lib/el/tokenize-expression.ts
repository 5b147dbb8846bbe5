import { makeElError, quoteSnippet } from './make-el-error';
import type { ElError } from './types';

export type ElPunctuator =
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<='
  | '>='
  | '<'
  | '>'
  | '!'
  | '+'
  | '-'
  | '?'
  | ':'
  | '('
  | ')'
  | ','
  | '.';

/** `text` is the raw source of the token; `pos` its 0-based offset. */
export type ElToken =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly pos: number }
  | { readonly kind: 'string'; readonly value: string; readonly text: string; readonly pos: number }
  | { readonly kind: 'literal'; readonly value: boolean | null; readonly text: string; readonly pos: number }
  | { readonly kind: 'ident'; readonly value: string; readonly text: string; readonly pos: number }
  | { readonly kind: 'op'; readonly value: ElPunctuator; readonly text: string; readonly pos: number }
  | { readonly kind: 'eof'; readonly value: null; readonly text: ''; readonly pos: number };

export type ElTokenizeResult = { ok: true; tokens: ElToken[] } | { ok: false; error: ElError };

// Longest first, so '<=' wins over '<'.
const PUNCTUATORS: readonly ElPunctuator[] = [
  '||', '&&', '==', '!=', '<=', '>=', '<', '>', '!', '+', '-', '?', ':', '(', ')', ',', '.',
];

// SpEL-style word operators and literals, case-insensitive (AND, and, And ...).
const WORD_OPERATORS: ReadonlyMap<string, ElPunctuator> = new Map<string, ElPunctuator>([
  ['and', '&&'],
  ['or', '||'],
  ['not', '!'],
  ['eq', '=='],
  ['ne', '!='],
  ['lt', '<'],
  ['gt', '>'],
  ['le', '<='],
  ['ge', '>='],
]);

const WORD_LITERALS: ReadonlyMap<string, boolean | null> = new Map<string, boolean | null>([
  ['true', true],
  ['false', false],
  ['null', null],
]);

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['b', '\b'],
  ['f', '\f'],
  ['0', '\0'],
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['/', '/'],
]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$');
const isIdentPart = (c: string | undefined): boolean => isIdentStart(c) || isDigit(c);
const isWhitespace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

type Scan<T> = { ok: true; token: T; end: number } | { ok: false; error: ElError };

/** Splits EL source into tokens; the last token is always `eof`. Never throws. */
export function tokenizeExpression(source: string): ElTokenizeResult {
  const tokens: ElToken[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (isWhitespace(c)) {
      i += 1;
      continue;
    }
    let scan: Scan<ElToken>;
    if (c === '"' || c === "'") scan = scanString(source, i, c);
    else if (isDigit(c)) scan = scanNumber(source, i);
    else if (isIdentStart(c)) scan = scanWord(source, i, tokens[tokens.length - 1]);
    else scan = scanPunctuator(source, i);
    if (!scan.ok) return scan;
    tokens.push(scan.token);
    i = scan.end;
  }
  tokens.push({ kind: 'eof', value: null, text: '', pos: source.length });
  return { ok: true, tokens };
}

function scanString(source: string, start: number, quote: string): Scan<ElToken> {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === quote) {
      return { ok: true, token: { kind: 'string', value, text: source.slice(start, i + 1), pos: start }, end: i + 1 };
    }
    if (c !== '\\') {
      value += c;
      i += 1;
      continue;
    }
    const e = source[i + 1];
    if (e === undefined) break;
    const simple = SIMPLE_ESCAPES.get(e);
    if (simple !== undefined) {
      value += simple;
      i += 2;
      continue;
    }
    const hex = source.slice(i + 2, i + 6);
    if (e === 'u' && hex.length === 4 && [...hex].every(isHex)) {
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
      continue;
    }
    const shown = e === 'u' ? source.slice(i, i + 6) : source.slice(i, i + 2);
    return { ok: false, error: makeElError('el.syntax', `Invalid escape sequence ${quoteSnippet(shown)} at position ${i}`, i) };
  }
  return { ok: false, error: makeElError('el.syntax', `Unterminated string literal starting at position ${start}`, start) };
}

function scanNumber(source: string, start: number): Scan<ElToken> {
  let i = start;
  while (isDigit(source[i])) i += 1;
  if (source[i] === '.' && isDigit(source[i + 1])) {
    i += 2;
    while (isDigit(source[i])) i += 1;
  }
  // Anything glued to a number (1.2.3, 1e5, 0x1F, 12abc, 1.) makes the whole run invalid.
  if (isIdentPart(source[i]) || source[i] === '.') {
    let end = i;
    while (isIdentPart(source[end]) || source[end] === '.') end += 1;
    return invalidNumber(source.slice(start, end), start);
  }
  const text = source.slice(start, i);
  const value = Number(text);
  const isInteger = !text.includes('.');
  if (!Number.isFinite(value) || (isInteger && !Number.isSafeInteger(value))) return invalidNumber(text, start);
  return { ok: true, token: { kind: 'number', value, text, pos: start }, end: i };
}

function invalidNumber(text: string, pos: number): Scan<ElToken> {
  return { ok: false, error: makeElError('el.syntax', `Invalid number ${quoteSnippet(text)} at position ${pos}`, pos) };
}

function scanWord(source: string, start: number, previous: ElToken | undefined): Scan<ElToken> {
  let i = start + 1;
  while (isIdentPart(source[i])) i += 1;
  const text = source.slice(start, i);
  // After '.', every word is an attribute or function name (user.and, user.null are attributes).
  if (previous?.kind === 'op' && previous.value === '.') {
    return { ok: true, token: { kind: 'ident', value: text, text, pos: start }, end: i };
  }
  const lower = text.toLowerCase();
  const operator = WORD_OPERATORS.get(lower);
  if (operator !== undefined) return { ok: true, token: { kind: 'op', value: operator, text, pos: start }, end: i };
  if (WORD_LITERALS.has(lower)) {
    const value = WORD_LITERALS.get(lower) ?? null;
    return { ok: true, token: { kind: 'literal', value, text, pos: start }, end: i };
  }
  return { ok: true, token: { kind: 'ident', value: text, text, pos: start }, end: i };
}

function scanPunctuator(source: string, start: number): Scan<ElToken> {
  for (const p of PUNCTUATORS) {
    if (source.startsWith(p, start)) {
      return { ok: true, token: { kind: 'op', value: p, text: p, pos: start }, end: start + p.length };
    }
  }
  const c = source.charAt(start);
  const hint = c === '=' ? " (use '==' to compare)" : c === '&' ? " (use '&&')" : c === '|' ? " (use '||')" : '';
  const shown = /^[\x21-\x7e]$/.test(c) ? `'${c}'` : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    ok: false,
    error: makeElError('el.syntax', `Unexpected character ${shown} at position ${start}${hint}`, start),
  };
}
