import { describe, expect, it } from 'vitest';
import { checkExpression } from './check-expression';
import * as el from './index';

describe('checkExpression: valid claim expressions', () => {
  it.each([
    'user.email',
    'user.firstName + " " + user.lastName',
    'String.substringBefore(user.login, "@")',
    'isMemberOfGroupName("Admins") ? "admin" : "user"',
    'Groups.startsWith("OKTA", "app-", 100)',
    'Arrays.contains(access.scope, "email") && app.clientId == "abc"',
    'Time.now()',
    'Convert.toInt(appuser.level) >= 3',
    'Arrays.flatten(user.roles, app.profile.defaultRoles)',
    'org.name',
    // Valid syntax whose runtime value is an error is still saveable.
    'Convert.toInt("not a number")',
  ])('%s -> null', (source) => {
    expect(checkExpression(source)).toBeNull();
  });
});

describe('checkExpression: rejected claim expressions', () => {
  it.each([
    ['user.email ==', 'el.syntax', 13],
    ['user.email = "a"', 'el.syntax', 11],
    ['String.len(user.email', 'el.syntax', 21],
    ['"abc', 'el.syntax', 0],
    ['1.2.3', 'el.syntax', 0],
    ['user.email user.login', 'el.syntax', 11],
    ['nope.attr', 'el.unknown_identifier', 0],
    ['String.lenght(user.email)', 'el.unknown_function', 0],
    ['user.getInternalProperty("id")', 'el.unknown_function', 5],
    ['String.substring(user.email, 1)', 'el.arity', 0],
    ['Time.now("EST", "HH:mm")', 'el.arity', 0],
    [`${'('.repeat(40)}1${')'.repeat(40)}`, 'el.too_deep', 32],
    ['x'.repeat(5000), 'el.too_long', 4096],
  ])('%s -> %s at %i', (source, code, position) => {
    const error = checkExpression(source);
    expect(error?.code).toBe(code);
    expect(error?.position).toBe(position);
    if (code !== 'el.too_long') expect(error?.message).toMatch(new RegExp(`at position ${position}\\b`));
  });
});

describe('public API surface', () => {
  it.each(['parseExpression', 'evaluateExpression', 'checkExpression', 'tokenizeExpression'])('index exports %s', (name) => {
    expect(typeof (el as Record<string, unknown>)[name]).toBe('function');
  });

  it('exposes the documented error codes and limits', () => {
    expect([...el.EL_ERROR_CODES].sort()).toEqual(
      [
        'el.arity',
        'el.internal',
        'el.not_a_number',
        'el.result_too_large',
        'el.syntax',
        'el.too_deep',
        'el.too_long',
        'el.type',
        'el.unknown_function',
        'el.unknown_identifier',
      ].sort(),
    );
    expect(el.EL_LIMITS).toMatchObject({ maxSourceLength: 4096, maxDepth: 32, maxArguments: 64, maxArrayItems: 1000 });
  });

  it('round-trips parse + evaluate through the index', () => {
    const parsed = el.parseExpression('String.toUpperCase(org.name) + "-" + access.scope.length');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ctx: el.ElContext = {
      user: null,
      appuser: null,
      app: null,
      access: { scope: [] },
      org: { name: 'acme' },
      groups: [],
      now: new Date('2026-01-02T03:04:05.000Z'),
    };
    expect(el.evaluateExpression(parsed.ast, ctx)).toEqual({ ok: true, value: 'ACME-null' });
  });
});
