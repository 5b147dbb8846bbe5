import { describe, expect, it } from "vitest";
import { checkFormToken, formToken } from "./form-token";

const KEY = Buffer.alloc(32, 1);
const OTHER_KEY = Buffer.alloc(32, 2);

describe("formToken", () => {
  const token = formToken(KEY, "purpose", ["a", "b"]);

  it("is 43 base64url characters and stable for the same key, purpose and parts", () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(formToken(KEY, "purpose", ["a", "b"])).toBe(token);
    expect(checkFormToken(KEY, "purpose", ["a", "b"], token)).toBe(true);
  });

  it.each<[string, Buffer, string, string[]]>([
    ["another key (APP_SECRET)", OTHER_KEY, "purpose", ["a", "b"]],
    ["another purpose", KEY, "other", ["a", "b"]],
    ["another part", KEY, "purpose", ["a", "c"]],
    ["parts in another order", KEY, "purpose", ["b", "a"]],
    ["a part moved across the separator", KEY, "purpose", ["a|b"]],
    ["one part fewer", KEY, "purpose", ["a"]],
    ["an empty part more", KEY, "purpose", ["a", "b", ""]],
  ])("does not match %s", (_name, key, purpose, parts) => {
    expect(checkFormToken(key, purpose, parts, token)).toBe(false);
  });

  it("parts that only differ in where a '.' or '|' falls do not collide", () => {
    expect(formToken(KEY, "p", ["a.b", "c"])).not.toBe(formToken(KEY, "p", ["a", "b.c"]));
    expect(formToken(KEY, "p", ["a|b", "c"])).not.toBe(formToken(KEY, "p", ["a", "b|c"]));
  });

  it.each([[null], [undefined], [""], [`${token}x`], [token.toLowerCase()]])("refuses %j", (candidate) => {
    expect(checkFormToken(KEY, "purpose", ["a", "b"], candidate)).toBe(false);
  });
});
