import { describe, expect, it } from "vitest";
import { findRegexHazard, REGEX_BACKTRACKING_BUDGET } from "./find-regex-hazard";

const NESTED = /nests quantifiers/;
const OVERLAP = /alternatives can match the same text/;
const BUDGET = /too many variable-length quantifiers/;
const BACKREF = /Backreferences/;

describe("findRegexHazard", () => {
  it.each([
    "",
    "app-.*",
    "^[a-z0-9_-]{3,16}$",
    ".*a.*b.*",
    "(dev|prod)-.*",
    "(foo|bar)+",
    "(ab)+",
    "(ab){3}",
    "(a+)?",
    "(a+)",
    "(?:eng|ops)-[0-9]+",
    "(?<team>eng)-\\d{1,4}",
    "\\(a+\\)+",
    "[(]a+[)]+",
    "\\x41+\\u0042*",
    "a{2}{", // a literal brace (non-unicode mode)
    "(\\.|a)+",
    "(a+b)?c*",
  ])("accepts %j", (pattern) => {
    expect(findRegexHazard(pattern)).toBeNull();
  });

  it.each([
    ["(a+)+", NESTED],
    ["(.*)*", NESTED],
    ["(a*)*b", NESTED],
    ["(a?){20}", NESTED],
    ["(a{1,3})+", NESTED],
    ["(\\w+-)+", NESTED],
    ["((a+))+", NESTED],
    ["(?:x*)+?", NESTED],
    ["(?<n>a+)+", NESTED],
    ["(a|a)*", OVERLAP],
    ["(a|ab)+", OVERLAP],
    ["(\\w|\\d)+", OVERLAP],
    ["(.|x)*", OVERLAP],
    ["(a|)+", OVERLAP],
    ["(x?a|a)+", NESTED],
    [".*.*.*.*x", BUDGET],
    ["a*a*a*a*", BUDGET],
    [".*.*.*a?", BUDGET],
    ["(a)\\1", BACKREF],
    ["(?<n>a)\\k<n>", BACKREF],
  ])("refuses %j", (pattern, message) => {
    expect(findRegexHazard(pattern)).toMatch(message);
  });

  it("allows three open-ended quantifiers and a few bounded ones within the budget", () => {
    expect(257 ** 3).toBeLessThanOrEqual(REGEX_BACKTRACKING_BUDGET);
    expect(findRegexHazard(".*-.*-.*")).toBeNull();
    expect(findRegexHazard("[a-z]{1,16}[a-z]{1,16}[a-z]{1,16}[a-z]{1,16}")).toBeNull();
  });

  it("leaves syntax errors to new RegExp (no crash, no verdict)", () => {
    for (const pattern of ["a)", "(a", "[a", "\\", "*a", "+"]) expect(findRegexHazard(pattern)).toBeNull();
  });
});
