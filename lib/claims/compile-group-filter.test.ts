import { describe, expect, it } from "vitest";
import { compileGroupFilter, GROUP_FILTER_TYPES, MAX_GROUP_FILTER_LENGTH } from "./compile-group-filter";

function matcher(type: string, value: string) {
  const result = compileGroupFilter(type, value);
  if (!result.ok) throw new Error(`expected ${type} ${value} to compile: ${result.message}`);
  return result.filter;
}

function refusal(type: string, value: string): string {
  const result = compileGroupFilter(type, value);
  if (result.ok) throw new Error(`expected ${type} ${value} to be refused`);
  return result.message;
}

describe("compileGroupFilter: matching", () => {
  it.each([
    // spec examples
    ["STARTS_WITH", "group1", "group123", true],
    ["STARTS_WITH", "group1", "Group123", true],
    ["STARTS_WITH", "group1", "mygroup1", false],
    ["EQUALS", "group1", "group1", true],
    ["EQUALS", "group1", "Group1", true],
    ["EQUALS", "group1", "group123", false],
    ["CONTAINS", "group1", "MyGroup123", true],
    ["CONTAINS", "group1", "group1", true],
    ["CONTAINS", "group1", "group2", false],
    ["REGEX", "/^[a-z0-9_-]{3,16}$/", "abc", true],
    ["REGEX", "/^[a-z0-9_-]{3,16}$/", "ab", false],
    ["REGEX", "/^[a-z0-9_-]{3,16}$/", "a".repeat(17), false],
    ["REGEX", "/^[a-z0-9_-]{3,16}$/", "ABC", false],
    // REGEX is case-sensitive and matches the whole name
    ["REGEX", "app-.*", "app-admins", true],
    ["REGEX", "app-.*", "App-admins", false],
    ["REGEX", "app", "my-app-users", false],
    ["REGEX", ".*app.*", "my-app-users", true],
    ["REGEX", "dev|prod", "prod", true],
    ["REGEX", "dev|prod", "production", false],
    ["REGEX", "(?:eng|ops)-[0-9]+", "ops-42", true],
    // characters special in a regex are plain text for the other types
    ["STARTS_WITH", "a.b", "a.b-team", true],
    ["STARTS_WITH", "a.b", "axb-team", false],
    ["CONTAINS", "(x)", "team (x)", true],
    ["EQUALS", "ÄRZTE", "ärzte", true],
  ])("%s %j on %j -> %s", (type, value, name, expected) => {
    expect(matcher(type, value).matches(name)).toBe(expected);
  });

  it("keeps the type and value, and never matches a non-string", () => {
    for (const type of GROUP_FILTER_TYPES) {
      const filter = matcher(type, "x");
      expect(filter.type).toBe(type);
      expect(filter.value).toBe("x");
      expect(filter.matches(null as unknown as string)).toBe(false);
    }
  });

  it("matches the same name again and again (no RegExp lastIndex state)", () => {
    const filter = matcher("REGEX", "a+b");
    expect([filter.matches("aab"), filter.matches("aab"), filter.matches("aab")]).toEqual([true, true, true]);
  });
});

describe("compileGroupFilter: refusals", () => {
  it.each([
    ["STARTS_WITH", "", "The group filter cannot be empty."],
    ["REGEX", "", "The group filter cannot be empty."],
    ["REGEX", "//", "The REGEX group filter cannot be empty."],
    ["EQUALS", "x".repeat(MAX_GROUP_FILTER_LENGTH + 1), "The group filter is at most 256 characters."],
    ["REGEX", "x".repeat(MAX_GROUP_FILTER_LENGTH + 1), "The group filter is at most 256 characters."],
    ["LIKE", "x", "Unknown group filter type 'LIKE'; use STARTS_WITH, EQUALS, CONTAINS or REGEX."],
    ["regex", "x", "Unknown group filter type 'regex'; use STARTS_WITH, EQUALS, CONTAINS or REGEX."],
  ])("%s %j -> %s", (type, value, message) => {
    expect(refusal(type, value)).toBe(message);
  });

  it("accepts a pattern of exactly the maximum length", () => {
    expect(compileGroupFilter("REGEX", "x".repeat(MAX_GROUP_FILTER_LENGTH)).ok).toBe(true);
  });

  it.each([
    ["a)|(b", "unexpected ): `a)|(b`"],
    ["(abc", "missing closing ): `(abc`"],
    ["[a-z", "missing closing ]: `[a-z`"],
    ["*abc", "missing argument to repetition operator: `*`"],
    ["a{2,1}", "invalid repeat count: `{2,1}`"],
    ["(?<n>a)(?<n>b)", "duplicate capture group name: `n`"],
    // what only a backtracking engine can do: backreferences and lookaround
    ["(a)\\1", "invalid escape sequence: `\\1`"],
    ["(?=a)b", "invalid or unsupported Perl syntax: `(?=`"],
  ])("refuses %j with RE2's message", (pattern, message) => {
    expect(refusal("REGEX", pattern)).toBe(`The REGEX group filter is not a valid regular expression: error parsing regexp: ${message}`);
  });
});

describe("compileGroupFilter: REGEX in linear time (RE2)", () => {
  // Each of these takes exponential or high-polynomial time in a backtracking engine on a name
  // that almost matches; the 145-character `(.|.)` chain stalled every token request for 1.4 s.
  // [name, pattern, a name it matches]
  const exponential: Array<[string, string, string]> = [
    ["(.|.) x29 then x", `${"(.|.)".repeat(29)}x`, `${"a".repeat(29)}x`],
    ["nested quantifiers", "(a+)+b", `${"a".repeat(254)}b`],
    ["star of star", "(.*)*b", `${"a".repeat(254)}b`],
    ["overlapping alternatives", "(a|aa)*b", `${"a".repeat(254)}b`],
    ["optional chain", `${"a?".repeat(64)}${"a".repeat(64)}b`, `${"a".repeat(100)}b`],
    ["many open-ended quantifiers", ".*a.*a.*a.*a.*a.*b", `${"a".repeat(254)}b`],
  ];

  it.each(exponential)("accepts the once-catastrophic %s and matches correctly", (_name, pattern, matching) => {
    const filter = matcher("REGEX", pattern);
    expect(filter.matches("a".repeat(255))).toBe(false);
    expect(filter.matches(matching)).toBe(true);
  });

  it("runs all of them on 255-character names, 100 times each, in milliseconds", () => {
    const filters = exponential.map(([, pattern]) => matcher("REGEX", pattern));
    const names = ["a".repeat(255), `${"a".repeat(254)}c`, "ab".repeat(127)];
    const started = performance.now();
    for (let round = 0; round < 100; round += 1) for (const filter of filters) for (const name of names) filter.matches(name);
    // 1,800 matches; a backtracking engine would not finish the first one in a lifetime.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
