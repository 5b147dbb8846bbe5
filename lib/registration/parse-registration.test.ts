import { describe, expect, it } from "vitest";
import { parseRegistration } from "./parse-registration";

const base = { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" };

describe("parseRegistration", () => {
  it.each([
    ["the required fields", base, [], { ok: true, profile: { ...base, login: "ada@example.com" } }],
    ["trimmed values", { email: " ada@example.com ", firstName: " Ada ", lastName: "Lovelace " }, [], { ok: true, profile: { ...base, login: "ada@example.com" } }],
    ["an asked attribute, filled", { ...base, mobilePhone: "+44 20 7946 0000" }, ["mobilePhone"], { ok: true, profile: { ...base, mobilePhone: "+44 20 7946 0000", login: "ada@example.com" } }],
    ["an asked attribute, empty (left out)", { ...base, mobilePhone: "" }, ["mobilePhone"], { ok: true, profile: { ...base, login: "ada@example.com" } }],
    ["an attribute the org does not ask for (ignored)", { ...base, title: "Countess", login: "other@example.com" }, [], { ok: true, profile: { ...base, login: "ada@example.com" } }],
    ["every field missing", {}, [], { ok: false, problems: { email: "blank", firstName: "blank", lastName: "blank" } }],
    ["a malformed email", { ...base, email: "ada@" }, [], { ok: false, problems: { email: "invalid" } }],
    ["CR/LF in the email (header injection)", { ...base, email: "ada@example.com\r\nBcc: x@evil.test" }, [], { ok: false, problems: { email: "invalid" } }],
    ["LF in a name (header injection)", { ...base, firstName: "Ada\nBcc: x@evil.test" }, [], { ok: false, problems: { firstName: "invalid" } }],
    ["a NUL in a name", { ...base, lastName: "Love\u0000lace" }, [], { ok: false, problems: { lastName: "invalid" } }],
    ["a name too long", { ...base, lastName: "x".repeat(51) }, [], { ok: false, problems: { lastName: "tooLong" } }],
    ["an email too long", { ...base, email: `${"a".repeat(60)}@${"b".repeat(60)}.com` }, [], { ok: false, problems: { email: "tooLong" } }],
    ["a malformed time zone", { ...base, timezone: "Mars/Olympus" }, ["timezone"], { ok: false, problems: { timezone: "invalid" } }],
  ])("%s", (_label, values, attributes, expected) => {
    expect(parseRegistration(values as Record<string, string>, attributes)).toEqual(expected);
  });
});
