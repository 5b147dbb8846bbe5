import { describe, expect, it } from 'vitest';
import { EL_FUNCTIONS } from './el-functions';
import { evaluateExpression } from './evaluate-expression';
import { parseExpression } from './parse-expression';
import { EL_ERROR_CODES, type ElContext, type ElEvaluateResult, type ElNode, type ElValue } from './types';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const BIG = 'x'.repeat(20000);

function makeContext(overrides: Partial<ElContext> = {}): ElContext {
  return {
    user: {
      id: '00u1',
      status: 'ACTIVE',
      login: 'ada@example.com',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      department: null,
      age: 36,
      score: 4.5,
      isAdmin: true,
      tags: ['a', 'b'],
      nums: [1, 2],
      empty: [],
      mixed: ['a', null, 1, true, { x: 1 }, Number.NaN, ['nested']],
      nested: { x: 'y' },
      or: 'word-named attribute',
      big: BIG,
      huge: 'y'.repeat(70000),
      many: Array.from({ length: 600 }, (_, i) => `v${i}`),
      tooMany: Array.from({ length: 5000 }, (_, i) => i),
      fn: () => 'should never run',
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      bigint: 10n,
      when: new Date('2020-01-01T00:00:00.000Z'),
    },
    appuser: { role: 'editor', externalId: 'ext-1' },
    app: { id: '0oa1', clientId: 'client-1', profile: { tier: 'gold' } },
    access: { scope: ['openid', 'profile', 'email'] },
    org: { name: 'Acme', subdomain: 'acme' },
    groups: [
      { id: '00g1', name: 'Everyone' },
      { id: '00g2', name: 'Engineering' },
      { id: '00g3', name: 'eng-backend' },
      { id: '00g4', name: 'Sales' },
    ],
    now: NOW,
    ...overrides,
  };
}

const CTX = makeContext();

function run(source: string, ctx: ElContext = CTX): ElEvaluateResult {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`unexpected parse error for ${source.slice(0, 80)}: ${parsed.error.message}`);
  return evaluateExpression(parsed.ast, ctx);
}

function expectValue(source: string, expected: ElValue, ctx: ElContext = CTX): void {
  const result = run(source, ctx);
  expect(result).toEqual({ ok: true, value: expected });
}

function expectErrorCode(source: string, code: string, ctx: ElContext = CTX): void {
  const result = run(source, ctx);
  expect(result.ok ? `value ${JSON.stringify(result.value)}` : result.error.code).toBe(code);
}

// Every source used in the tables below, so coverage of functions and codes can be checked.
const allSources: string[] = [];
const allCodes = new Set<string>();
function table<T extends [string, ...unknown[]]>(rows: T[]): T[] {
  for (const row of rows) allSources.push(row[0]);
  return rows;
}
function errorTable<T extends [string, string, ...unknown[]]>(rows: T[]): T[] {
  for (const row of rows) {
    allSources.push(row[0]);
    allCodes.add(row[1]);
  }
  return rows;
}

describe('literals', () => {
  it.each(
    table<[string, ElValue]>([
      ['"hello"', 'hello'],
      ["'single'", 'single'],
      ['"say \\"hi\\""', 'say "hi"'],
      ["'it\\'s'", "it's"],
      ['"tab\\there"', 'tab\there'],
      ['"\\u0041\\u00e9"', 'Aé'],
      ['42', 42],
      ['3.25', 3.25],
      ['0', 0],
      ['true', true],
      ['false', false],
      ['null', null],
      ['TRUE', true],
      ['-5', -5],
      ['- -5', 5],
      ['-0', 0],
    ]),
  )('%s -> %j', (source, expected) => expectValue(source, expected));
});

describe('member access', () => {
  it.each(
    table<[string, ElValue]>([
      ['user.firstName', 'Ada'],
      ['user.id', '00u1'],
      ['user.status', 'ACTIVE'],
      ['user.age', 36],
      ['user.score', 4.5],
      ['user.isAdmin', true],
      ['user.tags', ['a', 'b']],
      ['user.mixed', ['a', 1]],
      ['user.department', null],
      ['user.missing', null],
      ['user.missing.deeper.still', null],
      ['user.nested.x', 'y'],
      ['user.firstName.length', null],
      ['user.tags.length', null],
      ['user.or', 'word-named attribute'],
      ['user.fn', null],
      ['user.nan', null],
      ['user.inf', null],
      ['user.bigint', null],
      ['user.when.getTime', null],
      ['appuser.role', 'editor'],
      ['app.id', '0oa1'],
      ['app.clientId', 'client-1'],
      ['app.profile.tier', 'gold'],
      ['app.profile.missing', null],
      ['access.scope', ['openid', 'profile', 'email']],
      ['access.scope.length', null],
      ['org.name', 'Acme'],
      ['(user).firstName', 'Ada'],
      ['"abc".length', null],
    ]),
  )('%s -> %j', (source, expected) => expectValue(source, expected));

  it.each(
    table<[string, ElValue, Partial<ElContext>]>([
      ['user.firstName', null, { user: null }],
      ['user == null', true, { user: null }],
      ['appuser.role', null, { appuser: null }],
      ['appuser == null', true, { appuser: null }],
      ['app.clientId', null, { app: null }],
      ['app.profile.tier', null, { app: null }],
      ['app.profile.tier', null, { app: { id: '0oa2', clientId: 'c2' } }],
      ['access.scope', [], { access: { scope: [] } }],
    ]),
  )('%s -> %j with context %j', (source, expected, overrides) => expectValue(source, expected, makeContext(overrides)));

  it('returns a copy of context arrays, never the context array itself', () => {
    const result = run('user.tags');
    expect(result.ok && result.value).not.toBe((CTX.user as { tags: string[] }).tags);
  });
});

describe('hostile member names resolve to null, never to JavaScript internals', () => {
  it.each(
    table<[string]>([
      ['user.__proto__'],
      ['user.constructor'],
      ['user.prototype'],
      ['user.toString'],
      ['user.valueOf'],
      ['user.hasOwnProperty'],
      ['user.__defineGetter__'],
      ['user.__proto__.constructor'],
      ['user.constructor.prototype'],
      ['app.profile.__proto__.polluted'],
      ['app.constructor.name'],
      ['org.__proto__'],
      ['access.scope.constructor'],
      ['user.tags.__proto__'],
      ['String.toUpperCase("a").constructor'],
    ]),
  )('%s -> null', (source) => expectValue(source, null));

  it('ignores an own "__proto__" key coming from JSON', () => {
    const user = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c"}') as Record<string, unknown>;
    const ctx = makeContext({ user });
    expectValue('user.__proto__.polluted', null, ctx);
    expectValue('user.constructor', null, ctx);
  });

  it('does not see properties added to Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      expectValue('user.polluted', null);
      expectValue('app.profile.polluted', null);
    } finally {
      delete proto.polluted;
    }
  });

  it('never runs getters on context objects', () => {
    let calls = 0;
    const user = Object.defineProperty({}, 'secret', {
      enumerable: true,
      get: () => {
        calls += 1;
        return 'leaked';
      },
    }) as Record<string, unknown>;
    expectValue('user.secret', null, makeContext({ user }));
    expect(calls).toBe(0);
  });

  it('returns el.internal instead of throwing when the context throws', () => {
    const user = new Proxy({}, {
      getOwnPropertyDescriptor: () => {
        throw new Error('boom');
      },
    }) as Record<string, unknown>;
    expectErrorCode('user.firstName', 'el.internal', makeContext({ user }));
  });
});

describe('operators', () => {
  it.each(
    table<[string, ElValue]>([
      // + concatenates when either side is a string, otherwise adds numbers
      ['"a" + "b"', 'ab'],
      ['"a" + 1', 'a1'],
      ['1 + "a"', '1a'],
      ['1 + 2', 3],
      ['1.5 + 1', 2.5],
      ['1 + 2 + "a"', '3a'],
      ['"a" + 1 + 2', 'a12'],
      ['"a" + (1 + 2)', 'a3'],
      ['"x" + true', 'xtrue'],
      ['"x" + null', 'xnull'],
      ['"x" + user.missing', 'xnull'],
      ['user.firstName + " " + user.lastName', 'Ada Lovelace'],
      ['"n=" + user.score', 'n=4.5'],
      ['5 - 3', 2],
      ['1 - 1.5', -0.5],
      // == / != never coerce
      ['1 == 1', true],
      ['1 == 1.0', true],
      ['"1" == 1', false],
      ['1 == "1"', false],
      ['"a" == "a"', true],
      ['"a" == "A"', false],
      ['true == 1', false],
      ['null == null', true],
      ['null == false', false],
      ['"" == null', false],
      ['user.missing == null', true],
      ['user.firstName == null', false],
      ['user == null', false],
      ['null == app.profile', false],
      ['user.tags == user.tags', true],
      ['access.scope == user.tags', false],
      ['user.tags == "a"', false],
      ['1 != 2', true],
      ['"1" != 1', true],
      ['null != null', false],
      // relational: numbers with numbers, strings with strings, otherwise false
      ['1 < 2', true],
      ['2 < 1', false],
      ['2 <= 2', true],
      ['3 > 2', true],
      ['2 >= 3', false],
      ['"a" < "b"', true],
      ['"B" < "a"', true],
      ['"abc" >= "abd"', false],
      ['"1" < 2', false],
      ['2 > "1"', false],
      ['null < 1', false],
      ['1 >= null', false],
      ['user.tags < 1', false],
      // logical operators return booleans, null counts as false
      ['true && true', true],
      ['true && false', false],
      ['false || true', true],
      ['false || false', false],
      ['null || true', true],
      ['null && true', false],
      ['user.missing || user.isAdmin', true],
      ['!true', false],
      ['!false', true],
      ['!null', true],
      ['!!true', true],
      ['true AND false', false],
      ['false or true', true],
      ['NOT true', false],
      ['1 eq 1', true],
      ['1 ne 2', true],
      ['1 lt 2', true],
      ['2 gt 1', true],
      ['2 le 2', true],
      ['2 ge 3', false],
      // short-circuit: the right side (an error if evaluated) is skipped
      ['false && Convert.toInt("x") == 1', false],
      ['true || Convert.toInt("x") == 1', true],
      ['false and 1', false],
      // ternary
      ['true ? "y" : "n"', 'y'],
      ['false ? "y" : "n"', 'n'],
      ['null ? 1 : 2', 2],
      ['user.age > 18 ? "adult" : "minor"', 'adult'],
      ['false ? 1 : true ? 2 : 3', 2],
      ['true ? false ? 1 : 2 : 3', 2],
      ['true ? 1 : Convert.toInt("x")', 1],
      ['false ? Convert.toInt("x") : user.tags', ['a', 'b']],
      // precedence
      ['1 + 2 == 3', true],
      ['!false && false', false],
      ['true || false && false', true],
      ['(true || false) && false', false],
      ['1 < 2 == true', true],
      ['1 + 2 > 2 ? "big" : "small"', 'big'],
      ['1 == 1 ? 2 : 3', 2],
      ['-2 + 5', 3],
      ['"a" + "b" == "ab" && !(1 > 2)', true],
    ]),
  )('%s -> %j', (source, expected) => expectValue(source, expected));
});

describe('type errors and arithmetic errors', () => {
  it.each(
    errorTable<[string, string]>([
      ['1 + true', 'el.type'],
      ['1 + null', 'el.type'],
      ['null + null', 'el.type'],
      ['true + false', 'el.type'],
      ['"a" + user.tags', 'el.type'],
      ['user.tags + 1', 'el.type'],
      ['"a" - 1', 'el.type'],
      ['-"a"', 'el.type'],
      ['-null', 'el.type'],
      ['!"x"', 'el.type'],
      ['!1', 'el.type'],
      ['"x" && true', 'el.type'],
      ['true && "x"', 'el.type'],
      ['false || 0', 'el.type'],
      ['1 ? 2 : 3', 'el.type'],
      ['user.tags ? 1 : 2', 'el.type'],
      ['user', 'el.type'],
      ['app.profile', 'el.type'],
      ['user.when', 'el.type'],
      ['user + "x"', 'el.type'],
      ['user == user', 'el.type'],
      ['user == "x"', 'el.type'],
      ['user < 1', 'el.type'],
      ['!user', 'el.type'],
      ['String.len(user)', 'el.type'],
      [`${'9'.repeat(308)}.0 + ${'9'.repeat(308)}.0`, 'el.not_a_number'],
    ]),
  )('%s -> %s', (source, code) => expectErrorCode(source, code));

  it('points the error at the offending operator', () => {
    const result = run('"ok" == "ok" && 1 + true == 2');
    expect(result.ok ? null : result.error).toEqual({
      code: 'el.type',
      message: "Operator '+' cannot combine number and boolean",
      position: 18,
    });
  });
});

describe('functions', () => {
  it.each(
    table<[string, ElValue]>([
      ['String.stringContains(user.email, "@example")', true],
      ['String.stringContains("abc", "z")', false],
      ['String.stringContains("abc", "")', true],
      ['String.stringContains(user.missing, "a")', false],
      ['String.stringContains("abc", null)', false],
      ['String.startsWith(user.login, "ada")', true],
      ['String.startsWith("Ada", "ada")', false],
      ['String.startsWith(null, "a")', false],
      ['String.len("héllo")', 5],
      ['String.len("")', 0],
      ['String.len(user.missing)', 0],
      ['String.toUpperCase("abc")', 'ABC'],
      ['String.toUpperCase(null)', null],
      ['String.toLowerCase("ÀBC")', 'àbc'],
      ['String.toLowerCase(user.missing)', null],
      ['String.substring("hello", 1, 3)', 'el'],
      ['String.substring("hello", 0, 100)', 'hello'],
      ['String.substring("hello", -3, -1)', 'll'],
      ['String.substring("hello", 3, 1)', ''],
      ['String.substring(null, 0, 1)', null],
      ['String.substringBefore("ada@example.com", "@")', 'ada'],
      ['String.substringBefore("abc", "z")', 'abc'],
      ['String.substringBefore("abc", "")', ''],
      ['String.substringBefore("abc", null)', 'abc'],
      ['String.substringBefore(null, "@")', null],
      ['String.substringAfter("ada@example.com", "@")', 'example.com'],
      ['String.substringAfter("abc", "z")', ''],
      ['String.substringAfter("abc", "")', 'abc'],
      ['String.substringAfter("abc", null)', ''],
      ['String.replace("a-b-c", "-", "_")', 'a_b_c'],
      ['String.replace("a.b.c", ".", "")', 'abc'],
      ['String.replace("aaa", "a", "$&")', '$&$&$&'],
      ['String.replace("abc", "", "x")', 'abc'],
      ['String.replace(null, "a", "b")', null],
      ['String.substringBefore(user.email, "@") + "@corp.example"', 'ada@corp.example'],
      ['Arrays.contains(access.scope, "email")', true],
      ['Arrays.contains(access.scope, "admin")', false],
      ['Arrays.contains(user.nums, 1)', true],
      ['Arrays.contains(user.nums, "1")', false],
      ['Arrays.contains(user.missing, "a")', false],
      ['Arrays.contains(user.tags, null)', false],
      ['Arrays.isEmpty(user.empty)', true],
      ['Arrays.isEmpty(access.scope)', false],
      ['Arrays.isEmpty(user.missing)', true],
      ['Arrays.size(access.scope)', 3],
      ['Arrays.size(user.missing)', 0],
      ['Arrays.flatten(user.tags, "c", user.nums)', ['a', 'b', 'c', 1, 2]],
      ['Arrays.flatten()', []],
      ['Arrays.flatten(null, "x", user.empty)', ['x']],
      ['isMemberOfGroupName("Engineering")', true],
      ['isMemberOfGroupName("engineering")', false],
      ['isMemberOfGroupName("Nope")', false],
      ['isMemberOfGroupName(null)', false],
      ['isMemberOfGroup("00g2")', true],
      ['isMemberOfGroup("00g9")', false],
      ['isMemberOfAnyGroup("00g9", "00g4")', true],
      ['isMemberOfAnyGroup("x", null, "y")', false],
      ['Groups.startsWith("OKTA", "eng", 10)', ['Engineering', 'eng-backend']],
      ['Groups.startsWith("okta", "ENG", 1)', ['Engineering']],
      ['Groups.startsWith("OKTA", "", 2)', ['Everyone', 'Engineering']],
      ['Groups.startsWith("active_directory", "eng", 10)', []],
      ['Groups.startsWith("OKTA", "eng", 0)', []],
      ['Groups.contains("OKTA", "ENG", 10)', ['Engineering', 'eng-backend']],
      ['Groups.contains("OKTA", "a", 10)', ['eng-backend', 'Sales']],
      ['Groups.contains("OKTA", "zzz", 10)', []],
      ['Time.now()', '2026-01-02T03:04:05.000Z'],
      ['Convert.toInt("42")', 42],
      ['Convert.toInt("-7")', -7],
      ['Convert.toInt(3.6)', 4],
      ['Convert.toInt("2.5")', 3],
      ['Convert.toInt("20") + 1', 21],
      ['Convert.toInt(user.age)', 36],
      ['Convert.toNum("3.5")', 3.5],
      ['Convert.toNum("1e3")', 1000],
      ['Convert.toNum(7)', 7],
      ['Convert.toNum("-.5")', -0.5],
      ['isMemberOfGroupName("Engineering") ? "eng" : "other"', 'eng'],
    ]),
  )('%s -> %j', (source, expected) => expectValue(source, expected));

  it.each(
    errorTable<[string, string]>([
      ['String.stringContains(1, "a")', 'el.type'],
      ['String.len(123)', 'el.type'],
      ['String.toUpperCase(user.tags)', 'el.type'],
      ['String.substring("hello", 1.5, 2)', 'el.type'],
      ['String.substring("hello", null, 2)', 'el.type'],
      ['String.replace("abc", 1, "x")', 'el.type'],
      ['Arrays.contains("abc", "a")', 'el.type'],
      ['Arrays.contains(user.tags, user.tags)', 'el.type'],
      ['Arrays.size("abc")', 'el.type'],
      ['Arrays.isEmpty(0)', 'el.type'],
      ['Arrays.flatten(true)', 'el.type'],
      ['isMemberOfGroup(1)', 'el.type'],
      ['Groups.startsWith("OKTA", "eng", 1.5)', 'el.type'],
      ['Groups.contains(null, "eng", 1)', 'el.type'],
      ['Convert.toInt(true)', 'el.type'],
      ['Convert.toInt(null)', 'el.type'],
      ['Convert.toNum(user.tags)', 'el.type'],
      ['Convert.toInt("abc")', 'el.not_a_number'],
      ['Convert.toInt("")', 'el.not_a_number'],
      ['Convert.toInt(" 1")', 'el.not_a_number'],
      ['Convert.toInt("3000000000")', 'el.not_a_number'],
      ['Convert.toNum("x")', 'el.not_a_number'],
      ['Convert.toNum("1e999")', 'el.not_a_number'],
      ['true && Convert.toInt("x") == 1', 'el.not_a_number'],
    ]),
  )('%s -> %s', (source, code) => expectErrorCode(source, code));

  it('caps the Groups.* limit at 100', () => {
    const groups = Array.from({ length: 150 }, (_, i) => ({ id: `00g${i}`, name: `team-${i}` }));
    const result = run('Groups.startsWith("OKTA", "team-", 1000)', makeContext({ groups }));
    expect(result.ok && Array.isArray(result.value) ? result.value.length : -1).toBe(100);
  });

  it('reads the clock only from the context', () => {
    expectValue('Time.now()', '1999-12-31T23:59:59.999Z', makeContext({ now: new Date('1999-12-31T23:59:59.999Z') }));
    expectErrorCode('Time.now()', 'el.internal', makeContext({ now: new Date(Number.NaN) }));
  });

  it('names the function and argument in type errors, positioned at the call', () => {
    const result = run('"x" + String.len(5)');
    expect(result.ok ? null : result.error).toEqual({
      code: 'el.type',
      message: 'Argument 1 of String.len must be a string, got number',
      position: 6,
    });
  });
});

describe('size limits', () => {
  it.each(
    errorTable<[string, string]>([
      ['user.big + user.big + user.big + user.big', 'el.result_too_large'],
      ['String.replace(user.big, "x", "xxxx")', 'el.result_too_large'],
      ['String.toUpperCase(user.huge)', 'el.result_too_large'],
      ['user.huge', 'el.result_too_large'],
      ['user.tooMany', 'el.result_too_large'],
      ['Arrays.flatten(user.many, user.many)', 'el.result_too_large'],
      ['Arrays.flatten(user.big, user.big, user.big, user.big)', 'el.result_too_large'],
    ]),
  )('%s -> %s', (source, code) => expectErrorCode(source, code));

  it('stops a 400-term concatenation of a 20,000-character attribute', () => {
    const source = Array.from({ length: 400 }, () => 'user.big').join('+');
    expect(source.length).toBeLessThanOrEqual(4096);
    expectErrorCode(source, 'el.result_too_large');
  });

  it.each(
    table<[string, ElValue]>([
      ['String.len(user.big + user.big + user.big)', 60000],
      ['Arrays.size(Arrays.flatten(user.many, user.tags))', 602],
      ['String.len(String.replace(user.big, "x", "ab"))', 40000],
    ]),
  )('%s -> %j (just under the limits)', (source, expected) => expectValue(source, expected));

  it.each([
    ['String.replace(user.wide, "x", user.wide)', 'Result of String.replace exceeds 65536 characters'],
    ['Arrays.flatten(user.many, user.many)', 'Result of Arrays.flatten exceeds 1000 items'],
  ])('%s is refused before the oversized value is built', (source, message) => {
    const ctx = makeContext({ user: { wide: 'x'.repeat(60000), many: Array.from({ length: 600 }, (_, i) => i) } });
    expect(run(source, ctx)).toEqual({ ok: false, error: { code: 'el.result_too_large', message, position: 0 } });
  });

  it('rejects a sparse context array with a huge length without iterating it', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    expectErrorCode('user.sparse', 'el.result_too_large', makeContext({ user: { sparse } }));
  });

  it('evaluates the longest accepted addition chain', () => {
    expectValue(Array.from({ length: 2048 }, () => '1').join('+'), 2048);
  });

  it('evaluates the longest accepted member chain', () => {
    const source = `user${'.a'.repeat(2046)}`;
    expect(source.length).toBe(4096);
    expectValue(source, null);
  });

  it('evaluates the longest accepted && chain with short-circuiting', () => {
    // `1` is not a boolean: any evaluation past the first operand would be el.type.
    expectValue(`false${' && 1'.repeat(800)}`, false);
    expectValue(`true${' || 1'.repeat(800)}`, true);
  });
});

describe('evaluateExpression is total over hand-built ASTs', () => {
  const lit = (value: ElValue & (string | number | boolean | null)): ElNode => ({ type: 'literal', value, pos: 0 });

  it('returns el.too_deep for a 100,000-level AST instead of overflowing the stack', () => {
    let node: ElNode = lit(true);
    for (let i = 0; i < 100_000; i += 1) node = { type: 'unary', op: '!', operand: node, pos: 0 };
    // The explicit depth guard answers, not a caught stack overflow.
    expect(evaluateExpression(node, CTX)).toEqual({
      ok: false,
      error: { code: 'el.too_deep', message: 'The expression tree is nested deeper than 256 levels', position: 0 },
    });
  });

  it('evaluates a 100,000-long left-leaning chain without recursion, stopping at the chain limit', () => {
    let node: ElNode = lit(1);
    for (let i = 0; i < 100_000; i += 1) node = { type: 'binary', op: '+', left: node, right: lit(1), pos: 7 };
    expect(evaluateExpression(node, CTX)).toEqual({
      ok: false,
      error: { code: 'el.too_deep', message: 'The expression has a chain longer than 4096 operations', position: 7 },
    });
  });

  it('stops a shared-subtree AST whose naive evaluation would take 2^60 steps', () => {
    let node: ElNode = lit(1);
    for (let i = 0; i < 60; i += 1) {
      const shared = node;
      node = { type: 'conditional', test: lit(true), consequent: { type: 'binary', op: '+', left: lit(0), right: { type: 'binary', op: '+', left: shared, right: shared, pos: 0 }, pos: 0 }, alternate: lit(0), pos: 0 };
    }
    expect(evaluateExpression(node, CTX)).toMatchObject({ ok: false, error: { code: 'el.too_deep' } });
  });

  it.each<[string, (n: Record<string, unknown>) => void]>([
    ['binary left', (n) => Object.assign(n, { type: 'binary', op: '+', left: n, right: lit(1), pos: 0 })],
    ['member object', (n) => Object.assign(n, { type: 'member', object: n, name: 'x', pos: 0 })],
    ['call argument', (n) => Object.assign(n, { type: 'call', name: 'String.len', args: [n], pos: 0 })],
  ])('returns el.too_deep for an AST that is cyclic through its %s', (_label, tie) => {
    const node: Record<string, unknown> = {};
    tie(node);
    expect(evaluateExpression(node as unknown as ElNode, CTX)).toMatchObject({ ok: false, error: { code: 'el.too_deep' } });
  });

  it('returns el.too_deep for a cyclic unary AST', () => {
    const node = { type: 'unary', op: '!', pos: 0 } as { type: 'unary'; op: '!'; pos: number; operand?: unknown };
    node.operand = node;
    expect(evaluateExpression(node as unknown as ElNode, CTX)).toMatchObject({ ok: false, error: { code: 'el.too_deep' } });
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'el.internal'],
    ['a string', 'user.email', 'el.internal'],
    ['an unknown node type', { type: 'eval', pos: 0 }, 'el.internal'],
    ['a literal object', { type: 'literal', value: { a: 1 }, pos: 0 }, 'el.internal'],
    ['a NaN literal', { type: 'literal', value: Number.NaN, pos: 0 }, 'el.internal'],
    ['an oversized literal', { type: 'literal', value: 'z'.repeat(70000), pos: 0 }, 'el.result_too_large'],
    ['an unknown root', { type: 'root', name: 'constructor', pos: 0 }, 'el.unknown_identifier'],
    ['a call to toString', { type: 'call', name: 'toString', args: [], pos: 0 }, 'el.unknown_function'],
    ['a call to __proto__', { type: 'call', name: '__proto__', args: [], pos: 0 }, 'el.unknown_function'],
    ['a call with wrong arity', { type: 'call', name: 'String.len', args: [], pos: 0 }, 'el.arity'],
    ['a call with non-array args', { type: 'call', name: 'Time.now', args: 'x', pos: 0 }, 'el.internal'],
    ['an unknown binary operator', { type: 'binary', op: '**', left: lit(1), right: lit(2), pos: 0 }, 'el.internal'],
    ['an unknown unary operator', { type: 'unary', op: '~', operand: lit(1), pos: 0 }, 'el.internal'],
  ])('%s -> %s', (_label, ast, code) => {
    expect(evaluateExpression(ast as ElNode, CTX)).toMatchObject({ ok: false, error: { code } });
  });

  it('returns el.internal when the context itself is missing', () => {
    expect(evaluateExpression(lit(1), CTX)).toEqual({ ok: true, value: 1 });
    const parsed = parseExpression('user.email');
    expect(parsed.ok && evaluateExpression(parsed.ast, null as unknown as ElContext)).toMatchObject({
      ok: false,
      error: { code: 'el.internal' },
    });
  });
});

describe('coverage of the tables above', () => {
  it.each([...EL_FUNCTIONS.keys()])('function %s is exercised', (name) => {
    expect(allSources.some((source) => source.includes(`${name}(`))).toBe(true);
  });

  it.each(['el.type', 'el.not_a_number', 'el.result_too_large'])('evaluation error code %s is exercised', (code) => {
    expect(allCodes.has(code)).toBe(true);
    expect(EL_ERROR_CODES).toContain(code);
  });
});
