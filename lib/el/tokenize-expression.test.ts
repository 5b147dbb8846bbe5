import { describe, expect, it } from 'vitest';
import { tokenizeExpression, type ElToken } from './tokenize-expression';

function tokensOf(source: string): Array<[ElToken['kind'], unknown]> {
  const result = tokenizeExpression(source);
  if (!result.ok) throw new Error(`unexpected tokenize error: ${result.error.message}`);
  return result.tokens.map((t) => [t.kind, t.value]);
}

describe('tokenizeExpression: tokens', () => {
  it.each<[string, Array<[ElToken['kind'], unknown]>]>([
    ['', [['eof', null]]],
    ['42', [['number', 42], ['eof', null]]],
    ['3.25', [['number', 3.25], ['eof', null]]],
    ['"a b"', [['string', 'a b'], ['eof', null]]],
    ["'a\\'b'", [['string', "a'b"], ['eof', null]]],
    ['"\\n\\t\\\\\\u0041\\""', [['string', '\n\t\\A"'], ['eof', null]]],
    ['true FALSE Null', [['literal', true], ['literal', false], ['literal', null], ['eof', null]]],
    ['a AND b or not c', [['ident', 'a'], ['op', '&&'], ['ident', 'b'], ['op', '||'], ['op', '!'], ['ident', 'c'], ['eof', null]]],
    ['1 eq 2 ne 3 lt 4 gt 5 le 6 ge 7', [
      ['number', 1], ['op', '=='], ['number', 2], ['op', '!='], ['number', 3], ['op', '<'], ['number', 4],
      ['op', '>'], ['number', 5], ['op', '<='], ['number', 6], ['op', '>='], ['number', 7], ['eof', null],
    ]],
    // After '.', words are attribute names, never operators or literals.
    ['user.and.null', [['ident', 'user'], ['op', '.'], ['ident', 'and'], ['op', '.'], ['ident', 'null'], ['eof', null]]],
    ['a<=b>=c!=d==e', [
      ['ident', 'a'], ['op', '<='], ['ident', 'b'], ['op', '>='], ['ident', 'c'], ['op', '!='], ['ident', 'd'],
      ['op', '=='], ['ident', 'e'], ['eof', null],
    ]],
    ['!a&&b||-c?d:e', [
      ['op', '!'], ['ident', 'a'], ['op', '&&'], ['ident', 'b'], ['op', '||'], ['op', '-'], ['ident', 'c'],
      ['op', '?'], ['ident', 'd'], ['op', ':'], ['ident', 'e'], ['eof', null],
    ]],
    ['f(x, $y_1)', [['ident', 'f'], ['op', '('], ['ident', 'x'], ['op', ','], ['ident', '$y_1'], ['op', ')'], ['eof', null]]],
  ])('%j', (source, expected) => {
    expect(tokensOf(source)).toEqual(expected);
  });

  it.each([
    ['  user', 2],
    ['\n\t"x"', 2],
    ['1 +  2', 5],
  ])('records 0-based positions: %j last token at %i', (source, pos) => {
    const result = tokenizeExpression(source);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tokens[result.tokens.length - 2]?.pos).toBe(pos);
  });
});

describe('tokenizeExpression: errors', () => {
  it.each([
    ['"abc', 'el.syntax', 0, 'Unterminated string literal starting at position 0'],
    ["x + 'abc", 'el.syntax', 4, 'Unterminated string literal starting at position 4'],
    ['"abc\\', 'el.syntax', 0, 'Unterminated string literal starting at position 0'],
    ['"a\\qb"', 'el.syntax', 2, "Invalid escape sequence '\\q' at position 2"],
    ['"\\u12G4"', 'el.syntax', 1, "Invalid escape sequence '\\u12G4' at position 1"],
    ['1.2.3', 'el.syntax', 0, "Invalid number '1.2.3' at position 0"],
    ['1.', 'el.syntax', 0, "Invalid number '1.' at position 0"],
    ['1e5', 'el.syntax', 0, "Invalid number '1e5' at position 0"],
    ['0x1F', 'el.syntax', 0, "Invalid number '0x1F' at position 0"],
    ['x + 12abc', 'el.syntax', 4, "Invalid number '12abc' at position 4"],
    ['99999999999999999999', 'el.syntax', 0, "Invalid number '99999999999999999999' at position 0"],
    ['#', 'el.syntax', 0, "Unexpected character '#' at position 0"],
    ['user.x = 1', 'el.syntax', 7, "Unexpected character '=' at position 7 (use '==' to compare)"],
    ['a & b', 'el.syntax', 2, "Unexpected character '&' at position 2 (use '&&')"],
    ['a | b', 'el.syntax', 2, "Unexpected character '|' at position 2 (use '||')"],
    ['[1]', 'el.syntax', 0, "Unexpected character '[' at position 0"],
    ['a\u00a0b', 'el.syntax', 1, 'Unexpected character U+00A0 at position 1'],
  ])('%j -> %s at %i', (source, code, position, message) => {
    const result = tokenizeExpression(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ code, position, message });
  });
});
