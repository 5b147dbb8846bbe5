import { describe, expect, it } from "vitest";
import { FilterSyntaxError } from "../filters/parse-filter-expression";
import { matchUserFilter, type FilterableUser } from "../../users/match-user-filter";
import type { UserFilter } from "../../users/user-filter";
import { userFilterWhere } from "../../users/user-filter-where";
import { parseUserFilter } from "./parse-user-filter";

const term = (attribute: string, operator: string, value: unknown) => ({ kind: "term", attribute, operator, value });
const d = (iso: string) => new Date(iso);

describe("parseUserFilter", () => {
  it.each<[string, unknown]>([
    ['status eq "ACTIVE"', term("status", "eq", "ACTIVE")],
    ['status EQ "active"', term("status", "eq", "ACTIVE")],
    ['profile.login eq "Isaac@Example.com"', term("profile.login", "eq", "Isaac@Example.com")],
    ['profile.email eq "a@b.io"', term("profile.email", "eq", "a@b.io")],
    ['id eq "00u1ero7vZFVEIYLWPBN"', term("id", "eq", "00u1ero7vZFVEIYLWPBN")],
    ['type.id eq "oty00000000000000000"', term("type.id", "eq", "oty00000000000000000")],
    ['lastUpdated gt "2026-01-15T10:00:00.000Z"', term("lastUpdated", "gt", d("2026-01-15T10:00:00.000Z"))],
    ['lastUpdated lt "2026-01-15T12:00:00+02:00"', term("lastUpdated", "lt", d("2026-01-15T10:00:00.000Z"))],
    ['created ge "2026-01-15T12:00:00.5+0200"', term("created", "ge", d("2026-01-15T10:00:00.500Z"))],
    ['activated le "2026-01-15T10:00:00Z"', term("activated", "le", d("2026-01-15T10:00:00.000Z"))],
    ['statusChanged eq "2026-01-15T10:00:00.000Z"', term("statusChanged", "eq", d("2026-01-15T10:00:00.000Z"))],
    ['profile.lastName sw "Smi"', term("profile.lastName", "sw", "Smi")],
    ['profile.firstName co "sa"', term("profile.firstName", "co", "sa")],
    ["profile.employeeNumber eq 187", term("profile.employeeNumber", "eq", 187)],
    ["profile.score eq -1.5", term("profile.score", "eq", -1.5)],
    ["profile.vip eq TRUE", term("profile.vip", "eq", true)],
    ["profile.vip eq false", term("profile.vip", "eq", false)],
    ['profile.nickName eq "say \\"hi\\" \\\\o/"', term("profile.nickName", "eq", 'say "hi" \\o/')],
    ['profile.city eq ""', term("profile.city", "eq", "")],
    [
      'status eq "ACTIVE" and profile.login eq "x@y.io"',
      { kind: "and", terms: [term("status", "eq", "ACTIVE"), term("profile.login", "eq", "x@y.io")] },
    ],
    [
      'status eq "STAGED" or status eq "ACTIVE" and lastUpdated gt "2026-01-01T00:00:00.000Z"',
      {
        kind: "or",
        terms: [term("status", "eq", "STAGED"), { kind: "and", terms: [term("status", "eq", "ACTIVE"), term("lastUpdated", "gt", d("2026-01-01T00:00:00.000Z"))] }],
      },
    ],
    [
      '(status eq "STAGED" OR status eq "ACTIVE") AND profile.city eq "Paris"',
      { kind: "and", terms: [{ kind: "or", terms: [term("status", "eq", "STAGED"), term("status", "eq", "ACTIVE")] }, term("profile.city", "eq", "Paris")] },
    ],
    ['  ( ( id eq "a" ) )  ', term("id", "eq", "a")],
  ])("parses %s", (expression, expected) => {
    expect(parseUserFilter(expression)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["", "The expression is empty."],
    ["   ", "The expression is empty."],
    ['status eq ACTIVE', "Expected a value after 'status eq', such as \"text\", found 'ACTIVE' at position 11."],
    ['status eq "ACTIVE', "The string that starts at position 11 has no closing '\"'."],
    ['status ne "ACTIVE"', "Expected an operator (eq, sw, co, gt, ge, lt, le) after 'status', found 'ne' at position 8."],
    ['status sw "ACT"', "'status' supports eq, not 'sw' (position 8)."],
    ['status eq "ENABLED"', '"ENABLED" is not a user status; use one of STAGED, PROVISIONED, ACTIVE, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED, SUSPENDED, DEPROVISIONED.'],
    ['lastUpdated sw "2026"', "'lastUpdated' supports eq, gt, ge, lt, le, not 'sw' (position 13)."],
    ['lastUpdated gt "yesterday"', 'lastUpdated needs an ISO 8601 date-time such as "2026-01-15T10:00:00.000Z"; "yesterday" is not one.'],
    ['lastUpdated gt "2026-02-30T00:00:00.000Z"', 'lastUpdated needs an ISO 8601 date-time such as "2026-01-15T10:00:00.000Z"; "2026-02-30T00:00:00.000Z" is not one.'],
    ['lastUpdated gt "2026-01-15"', 'lastUpdated needs an ISO 8601 date-time such as "2026-01-15T10:00:00.000Z"; "2026-01-15" is not one.'],
    ['lastLogin gt "2026-01-15T10:00:00.000Z"', "The attribute 'lastLogin' (position 1) cannot be searched."],
    ['password eq "x"', "The attribute 'password' (position 1) cannot be searched."],
    ['profile.a.b eq "x"', "The attribute 'profile.a.b' (position 1) cannot be searched."],
    ["id eq 5", "'id' compares with a double-quoted string, not '5' at position 7."],
    ["profile.city sw 5", "'sw' compares with a double-quoted string, not '5' at position 17."],
    ['not status eq "ACTIVE"', "Expected an attribute or '(', found 'not' at position 1. 'not' is not supported."],
    ['status eq "ACTIVE" and', "Expected an attribute or '(', found the end of the expression."],
    ['status eq "ACTIVE" status eq "STAGED"', "Expected 'and', 'or' or the end of the expression, found 'status' at position 20."],
    ['(status eq "ACTIVE"', "Expected ')' to close the '(' at position 1, found the end of the expression."],
    ['status eq "ACTIVE")', "Expected 'and', 'or' or the end of the expression, found ')' at position 19."],
    ['status eq "A" ; drop table', "Unexpected character ';' at position 15."],
    ['status eq "ACTIVE"and id eq "x"', "Expected a space after the string that starts at position 11."],
    ['profile.nickName eq "\\n"', 'Only \\" and \\\\ may be escaped in a string (position 22).'],
    ["profile.n eq 12abc", "Invalid number at position 14."],
    ['profile.city pr', "Expected an operator (eq, sw, co, gt, ge, lt, le) after 'profile.city', found 'pr' at position 14."],
    ['((((((id eq "a"))))))', "Parentheses nest at most 5 deep."],
    [Array.from({ length: 21 }, (_, i) => `id eq "${i}"`).join(" or "), "An expression has at most 20 comparisons."],
    [`profile.city eq "${"x".repeat(1024)}"`, "The expression is longer than 1024 characters."],
  ])("refuses %j", (expression, message) => {
    let error: unknown;
    try {
      parseUserFilter(expression);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });
});

describe("matchUserFilter", () => {
  const user: FilterableUser = {
    id: "00uAAAAAAAAAAAAAAAAA",
    status: "ACTIVE",
    created: d("2026-01-10T00:00:00.000Z"),
    activated: null,
    statusChanged: d("2026-01-12T00:00:00.000Z"),
    lastUpdated: d("2026-01-15T10:00:00.000Z"),
    profile: { login: "Isaac.Brock@Example.com", email: "isaac@example.org", firstName: "Isaac", lastName: "Brock", tags: ["blue", "Green"], age: 42, vip: true },
  };
  const matches = (expression: string) => matchUserFilter(parseUserFilter(expression), user);

  it.each<[string, boolean]>([
    ['status eq "ACTIVE"', true],
    ['status eq "STAGED"', false],
    ['id eq "00uAAAAAAAAAAAAAAAAA"', true],
    ['id eq "00uaaaaaaaaaaaaaaaaa"', false],
    ['type.id eq "oty00000000000000000"', true],
    ['type.id eq "otyOther000000000000"', false],
    ['profile.login eq "isaac.brock@example.com"', true],
    ['profile.login eq "isaac.brock"', false],
    ['profile.login sw "ISAAC."', true],
    ['profile.email co "@EXAMPLE"', true],
    ['profile.lastName sw "smi"', false],
    ['profile.tags eq "green"', true],
    ['profile.tags eq "red"', false],
    ["profile.age eq 42", true],
    ['profile.age eq "42"', false],
    ["profile.vip eq true", true],
    ['profile.missing eq ""', false],
    ['profile.constructor eq "x"', false],
    ['lastUpdated gt "2026-01-15T09:59:59.999Z"', true],
    ['lastUpdated gt "2026-01-15T10:00:00.000Z"', false],
    ['lastUpdated ge "2026-01-15T10:00:00.000Z"', true],
    ['lastUpdated lt "2026-01-15T10:00:00.000Z"', false],
    ['lastUpdated le "2026-01-15T12:00:00+02:00"', true],
    ['created eq "2026-01-10T00:00:00.000Z"', true],
    ['activated lt "2030-01-01T00:00:00.000Z"', false],
    ['status eq "ACTIVE" and profile.firstName eq "isaac"', true],
    ['status eq "ACTIVE" and profile.firstName eq "john"', false],
    ['status eq "STAGED" or profile.firstName eq "isaac"', true],
    ['(status eq "STAGED" or status eq "SUSPENDED") and profile.firstName eq "isaac"', false],
  ])("%s -> %s", (expression, expected) => {
    expect(matches(expression)).toBe(expected);
  });
});

describe("userFilterWhere", () => {
  const where = (expression: string) => userFilterWhere(parseUserFilter(expression));

  it.each<[string, unknown, boolean]>([
    ['status eq "ACTIVE"', { status: "ACTIVE" }, true],
    ['id eq "00u1"', { id: "00u1" }, true],
    ['profile.login eq "A@B.io"', { loginLower: "a@b.io" }, true],
    ['profile.email eq "A@B.io"', { emailLower: "a@b.io" }, true],
    ['profile.login sw "Ab"', { loginLower: { startsWith: "ab" } }, false],
    ["profile.login eq 5", { id: { in: [] } }, true],
    ['lastUpdated gt "2026-01-15T10:00:00.000Z"', { lastUpdated: { gt: d("2026-01-15T10:00:00.000Z") } }, true],
    ['created le "2026-01-15T10:00:00.000Z"', { created: { lte: d("2026-01-15T10:00:00.000Z") } }, true],
    ['activated eq "2026-01-15T10:00:00.000Z"', { activated: { equals: d("2026-01-15T10:00:00.000Z") } }, true],
    ['type.id eq "oty00000000000000000"', {}, true],
    ['type.id eq "other"', { id: { in: [] } }, true],
    ['profile.city eq "Paris"', {}, false],
    ['status eq "ACTIVE" and profile.city eq "Paris"', { AND: [{ status: "ACTIVE" }, {}] }, false],
    ['status eq "ACTIVE" or status eq "STAGED"', { OR: [{ status: "ACTIVE" }, { status: "STAGED" }] }, true],
    ['status eq "ACTIVE" or profile.city eq "Paris"', {}, false],
  ])("%s", (expression, expected, exact) => {
    expect(where(expression)).toEqual({ where: expected, exact });
  });

  it("is a superset of the matches: a where that excludes a matching user fails this check", () => {
    const filter: UserFilter = parseUserFilter('profile.login eq "Isaac@Example.com" and lastUpdated ge "2026-01-15T10:00:00.000Z"');
    expect(userFilterWhere(filter).where).toEqual({ AND: [{ loginLower: "isaac@example.com" }, { lastUpdated: { gte: d("2026-01-15T10:00:00.000Z") } }] });
  });
});
