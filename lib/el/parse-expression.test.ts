import { describe, expect, it } from 'vitest';
import { parseExpression } from './parse-expression';
import type { ElNode } from './types';

/** Renders an AST fully parenthesised so precedence and associativity are visible. */
function show(node: ElNode): string {
  switch (node.type) {
    case 'literal':
      return JSON.stringify(node.value);
    case 'root':
      return node.name;
    case 'member':
      return `${show(node.object)}.${node.name}`;
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
    case 'unary':
      return `(${node.op}${show(node.operand)})`;
    case 'binary':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
    case 'conditional':
      return `(${show(node.test)} ? ${show(node.consequent)} : ${show(node.alternate)})`;
  }
}

function parsed(source: string): string {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.code} ${result.error.message}`);
  return show(result.ast);
}

const args = (n: number): string => Array.from({ length: n }, (_, i) => `"g${i}"`).join(', ');

describe('parseExpression: structure, precedence and associativity', () => {
  it.each([
    ['user.firstName', 'user.firstName'],
    ['app.profile.tier', 'app.profile.tier'],
    ['  access.scope  ', 'access.scope'],
    ['1 + 2 + 3', '((1 + 2) + 3)'],
    ['1 - 2 + 3', '((1 - 2) + 3)'],
    ['1 + 2 == 3', '((1 + 2) == 3)'],
    ['1 < 2 == true', '((1 < 2) == true)'],
    ['a || b && c'.replace(/[abc]/g, (v) => `user.${v}`), '(user.a || (user.b && user.c))'],
    ['(true || false) && false', '((true || false) && false)'],
    ['!true && false', '((!true) && false)'],
    ['!(true && false)', '(!(true && false))'],
    ['-1 + 2', '((-1) + 2)'],
    ['--1', '(-(-1))'],
    ['true ? 1 : 2', '(true ? 1 : 2)'],
    ['a ? b : c ? d : e'.replace(/\b([a-e])\b/g, 'user.$1'), '(user.a ? user.b : (user.c ? user.d : user.e))'],
    ['true ? false ? 1 : 2 : 3', '(true ? (false ? 1 : 2) : 3)'],
    ['1 == 1 ? "y" : "n"', '((1 == 1) ? "y" : "n")'],
    ['user.age > 18 AND NOT user.locked OR user.admin eq true', '(((user.age > 18) && (!user.locked)) || (user.admin == true))'],
    ['String.len(user.email) >= 3', '(String.len(user.email) >= 3)'],
    ['Arrays.flatten()', 'Arrays.flatten()'],
    ['isMemberOfAnyGroup("a", "b", "c")', 'isMemberOfAnyGroup("a", "b", "c")'],
    ['Groups.startsWith("OKTA", "eng", 10)', 'Groups.startsWith("OKTA", "eng", 10)'],
    ['String.toUpperCase(user.firstName).length', 'String.toUpperCase(user.firstName).length'],
    ['user.and', 'user.and'],
    [`isMemberOfAnyGroup(${args(64)})`, `isMemberOfAnyGroup(${args(64)})`],
  ])('%s', (source, expected) => {
    expect(parsed(source)).toBe(expected);
  });

  it('records the 0-based position of the operator on binary nodes', () => {
    const result = parseExpression('user.a  +  "x"');
    expect(result.ok && result.ast.type === 'binary' ? result.ast.pos : -1).toBe(8);
  });
});

describe('parseExpression: errors', () => {
  it.each([
    // Syntax
    ['', 'el.syntax', 0, 'Unexpected end of expression at position 0'],
    ['   ', 'el.syntax', 3, 'Unexpected end of expression at position 3'],
    ['(', 'el.syntax', 1, 'Unexpected end of expression at position 1'],
    [')', 'el.syntax', 0, "Unexpected token ')' at position 0"],
    ['(user.email))', 'el.syntax', 12, "Unexpected token ')' at position 12"],
    ['1 +', 'el.syntax', 3, 'Unexpected end of expression at position 3'],
    ['1 2', 'el.syntax', 2, "Unexpected token '2' at position 2"],
    ['"a" "b"', 'el.syntax', 4, `Unexpected token '"b"' at position 4`],
    ['user.firstName garbage', 'el.syntax', 15, "Unexpected token 'garbage' at position 15"],
    ['user.', 'el.syntax', 5, "Expected an attribute name after '.' at position 5"],
    ['user.1', 'el.syntax', 5, "Expected an attribute name after '.' at position 5"],
    ['true ? 1', 'el.syntax', 8, "Expected ':' but found end of expression at position 8"],
    ['true ? 1 :', 'el.syntax', 10, 'Unexpected end of expression at position 10'],
    ['(1', 'el.syntax', 2, "Expected ')' but found end of expression at position 2"],
    ['String.len("a",)', 'el.syntax', 15, "Unexpected token ')' at position 15"],
    ['String.len("a" "b")', 'el.syntax', 15, `Unexpected token '"b"' at position 15`],
    ['String.len', 'el.syntax', 10, "Expected '(' after 'String.len' at position 10"],
    ['(String.len)', 'el.syntax', 11, "Expected '(' after 'String.len' at position 11"],
    ['1 ? : 2', 'el.syntax', 4, "Unexpected token ':' at position 4"],
    ['&& true', 'el.syntax', 0, "Unexpected token '&&' at position 0"],
    ['"unterminated', 'el.syntax', 0, 'Unterminated string literal starting at position 0'],
    // Identifiers and functions
    ['foo', 'el.unknown_identifier', 0, "Unknown identifier 'foo' at position 0"],
    ['1 + constructor', 'el.unknown_identifier', 4, "Unknown identifier 'constructor' at position 4"],
    ['__proto__', 'el.unknown_identifier', 0, "Unknown identifier '__proto__' at position 0"],
    ['globalThis.process', 'el.unknown_identifier', 0, "Unknown identifier 'globalThis' at position 0"],
    ['User.firstName', 'el.unknown_identifier', 0, "Unknown identifier 'User' at position 0"],
    ['String.reverse("a")', 'el.unknown_function', 0, "Unknown function 'String.reverse' at position 0"],
    ['string.len("a")', 'el.unknown_function', 0, "Unknown function 'string.len' at position 0 (did you mean 'String.len'?)"],
    ['Foo.bar()', 'el.unknown_function', 0, "Unknown function 'Foo.bar' at position 0"],
    ['toString()', 'el.unknown_function', 0, "Unknown function 'toString' at position 0"],
    ['constructor("return 1")', 'el.unknown_function', 0, "Unknown function 'constructor' at position 0"],
    ['String.constructor("x")', 'el.unknown_function', 0, "Unknown function 'String.constructor' at position 0"],
    ['String.__proto__("x")', 'el.unknown_function', 0, "Unknown function 'String.__proto__' at position 0"],
    ['eval("1")', 'el.unknown_function', 0, "Unknown function 'eval' at position 0"],
    ['user.x + Function("return 1")', 'el.unknown_function', 9, "Unknown function 'Function' at position 9"],
    ['user.email()', 'el.unknown_function', 5, "'user.email' is not a function at position 5"],
    ['user.toString()', 'el.unknown_function', 5, "'user.toString' is not a function at position 5"],
    ['user()', 'el.unknown_function', 0, "'user' is not a function at position 0"],
    ['"abc"(1)', 'el.unknown_function', 0, 'This value is not a function at position 0'],
    ['String.len("a")(1)', 'el.unknown_function', 0, 'This value is not a function at position 0'],
    // Arity
    ['String.len()', 'el.arity', 0, "Function 'String.len' expects 1 argument but got 0 at position 0"],
    ['1 + String.len("a", "b")', 'el.arity', 4, "Function 'String.len' expects 1 argument but got 2 at position 4"],
    ['String.substring("abc", 1)', 'el.arity', 0, "Function 'String.substring' expects 3 arguments but got 2 at position 0"],
    ['Time.now("UTC")', 'el.arity', 0, "Function 'Time.now' expects 0 arguments but got 1 at position 0"],
    ['Groups.startsWith("OKTA", "a")', 'el.arity', 0, "Function 'Groups.startsWith' expects 3 arguments but got 2 at position 0"],
    ['isMemberOfAnyGroup()', 'el.arity', 0, "Function 'isMemberOfAnyGroup' expects at least 1 argument but got 0 at position 0"],
    ['Arrays.contains(user.tags)', 'el.arity', 0, "Function 'Arrays.contains' expects 2 arguments but got 1 at position 0"],
    [`isMemberOfAnyGroup(${args(65)})`, 'el.arity', `isMemberOfAnyGroup(${args(64)}, `.length, null],
    [`Arrays.flatten(${args(100)})`, 'el.arity', `Arrays.flatten(${args(64)}, `.length,
      `Too many arguments in call to 'Arrays.flatten' (maximum 64) at position ${`Arrays.flatten(${args(64)}, `.length}`],
  ])('%s -> %s at %i', (source, code, position, message) => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.position).toBe(position);
    if (message !== null) expect(result.error.message).toBe(message);
    expect(result.error.message).toContain(`at position ${position}`);
  });
});

describe('parseExpression: limits', () => {
  const nest = (n: number): string => `${'('.repeat(n)}1${')'.repeat(n)}`;
  const nestCalls = (n: number): string => `${'String.len('.repeat(n)}"a"${')'.repeat(n)}`;
  const nestTernary = (n: number): string => `${'true ? '.repeat(n)}1${' : 0'.repeat(n)}`;

  it.each([
    ['32 nested parentheses', nest(32)],
    ['a source of exactly 4096 characters', `"${'a'.repeat(4094)}"`],
    ['32 nested unary operators', `${'!'.repeat(32)}true`],
    ['2048 chained additions (4095 characters)', Array.from({ length: 2048 }, () => '1').join('+')],
    ['32 nested ternaries', nestTernary(32)],
    ['64 arguments', `Arrays.flatten(${args(64)})`],
  ])('accepts %s', (_label, source) => {
    expect(parseExpression(source).ok).toBe(true);
  });

  it.each([
    ['33 nested parentheses', nest(33), 'el.too_deep', 32],
    ['2000 nested parentheses', nest(2000), 'el.too_deep', 32],
    ['10,000 nested parentheses (also too long: depth is reported)', nest(10000), 'el.too_deep', 32],
    ['10,000 unclosed parentheses', '('.repeat(10000), 'el.too_deep', 32],
    ['33 nested unary operators', `${'!'.repeat(33)}true`, 'el.too_deep', 32],
    ['4000 unary minus signs', `${'-'.repeat(4000)}1`, 'el.too_deep', 32],
    ['33 nested calls', nestCalls(33), 'el.too_deep', 32 * 11 + 10],
    ['33 nested ternaries', nestTernary(33), 'el.too_deep', 32 * 7 + 5],
    ['5000 characters', `"${'a'.repeat(4998)}"`, 'el.too_long', 4096],
    ['4097 characters', `"${'a'.repeat(4095)}"`, 'el.too_long', 4096],
    ['a long source whose prefix is shallow', `${nest(10)} + ${'1+'.repeat(3000)}1`, 'el.too_long', 4096],
  ])('rejects %s', (_label, source, code, position) => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.position).toBe(position);
  });

  it('reports the limit in the too_long message', () => {
    const result = parseExpression('1'.repeat(5000));
    expect(result.ok ? null : result.error).toEqual({
      code: 'el.too_long',
      message: 'Expression is too long: 5000 characters (maximum 4096)',
      position: 4096,
    });
  });

  it('rejects a non-string source without throwing', () => {
    const result = parseExpression(42 as unknown as string);
    expect(result.ok ? null : result.error.code).toBe('el.syntax');
  });
});
