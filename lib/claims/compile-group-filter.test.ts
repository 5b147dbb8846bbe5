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

  it.each(["a)|(b", "(abc", "[a-z", "*abc", "a{2,1}", "(?<n>a)(?<n>b)"])("refuses the invalid pattern %j", (pattern) => {
    expect(refusal("REGEX", pattern)).toMatch(/^The REGEX group filter is not a valid regular expression: Invalid regular expression: /);
  });

  it.each(["(a+)+", "(.*)*", "(a*)*b", "/(x+x+)+y/", "(a|a)*", "(\\w|\\d)+", "(a?){25}", ".*.*.*.*x", "(a)\\1"])(
    "refuses the catastrophic pattern %j",
    (pattern) => {
      expect(refusal("REGEX", pattern)).toMatch(/^The REGEX group filter is refused: /);
    },
  );

  it("compiles an accepted pattern that would be slow unanchored, and answers quickly", () => {
    const filter = matcher("REGEX", ".*a.*b.*c");
    const started = performance.now();
    expect(filter.matches("a".repeat(255))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
