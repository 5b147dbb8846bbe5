import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, describePasswordViolations, type PasswordViolation } from "./check-password-policy";

describe("checkPasswordPolicy", () => {
  it.each<[string, string, PasswordViolation[]]>([
    ["correct horse battery", "isaac.brock@example.com", []],
    ["12345678", "isaac.brock@example.com", []],
    ["1234567", "isaac.brock@example.com", ["TOO_SHORT"]],
    ["", "isaac.brock@example.com", ["TOO_SHORT"]],
    ["ünïcødé7", "isaac.brock@example.com", []],
    ["😀😀😀😀😀😀😀", "isaac.brock@example.com", ["TOO_SHORT"]],
    ["x".repeat(256), "isaac.brock@example.com", []],
    ["x".repeat(257), "isaac.brock@example.com", ["TOO_LONG"]],
    ["my-isaac.brock-pass", "isaac.brock@example.com", ["CONTAINS_USERNAME"]],
    ["MY-ISAAC.BROCK-PASS", "Isaac.Brock@Example.com", ["CONTAINS_USERNAME"]],
    ["isaac.b", "isaac.brock@example.com", ["TOO_SHORT"]],
    ["brockRocks!", "isaac.brock@example.com", []],
    ["example.com-is-mine", "isaac.brock@example.com", []],
    ["joe!", "joe@example.com", ["TOO_SHORT", "CONTAINS_USERNAME"]],
    ["joe".repeat(100), "joe@example.com", ["TOO_LONG", "CONTAINS_USERNAME"]],
    ["abcdefgh", "ab@example.com", []],
    ["abcdefgh", "abc@example.com", ["CONTAINS_USERNAME"]],
    ["plainlogin-pw", "plainlogin", ["CONTAINS_USERNAME"]],
  ])("%j for %s -> %j", (password, login, expected) => {
    expect(checkPasswordPolicy(password, login)).toEqual(expected);
  });
});

describe("describePasswordViolations", () => {
  it.each<[PasswordViolation[], string]>([
    [["TOO_SHORT"], "Password requirements were not met. Password requirements: at least 8 characters."],
    [["TOO_LONG"], "Password requirements were not met. Password requirements: at most 256 characters."],
    [["CONTAINS_USERNAME"], "Password requirements were not met. Your password cannot contain your username."],
    [
      ["TOO_SHORT", "CONTAINS_USERNAME"],
      "Password requirements were not met. Password requirements: at least 8 characters. Your password cannot contain your username.",
    ],
  ])("%j", (violations, text) => {
    expect(describePasswordViolations(violations)).toBe(text);
  });
});
