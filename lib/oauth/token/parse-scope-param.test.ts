import { describe, expect, it } from "vitest";
import { parseScopeParam } from "./parse-scope-param";

describe("parseScopeParam", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["   ", null],
    ["openid", ["openid"]],
    ["openid  email openid", ["openid", "email"]],
    [" api:read Api:Read ", ["api:read", "Api:Read"]],
  ])("%j -> %j", (value, expected) => {
    expect(parseScopeParam(value)).toEqual(expected);
  });
});
