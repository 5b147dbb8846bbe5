import { describe, expect, it } from "vitest";
import { parseResponseType, resolveDelivery } from "./response-mode";

const R = "https://app.example.com/cb";

describe("parseResponseType", () => {
  it.each([
    ["code", ["code"]],
    ["id_token code", ["code", "id_token"]],
    ["token id_token", ["token", "id_token"]],
    ["", null],
    ["code  token", null],
    ["none", null],
    ["code code", null],
    ["CODE", null],
  ])("%j -> %j", (value, expected) => {
    expect(parseResponseType(value)).toEqual(expected);
  });
});

describe("resolveDelivery: where errors go", () => {
  const of = (params: Record<string, string>, redirect = R) => resolveDelivery(new Map(Object.entries(params)), redirect);
  it.each([
    [{ response_type: "code", state: "s" }, "query", "s"],
    [{ response_type: "token" }, "fragment", null],
    [{ response_type: "code", response_mode: "form_post" }, "form_post", null],
    [{ response_type: "code", response_mode: "okta_post_message" }, "okta_post_message", null],
    // an invalid or disallowed mode falls back to the response type's default
    [{ response_type: "token", response_mode: "query" }, "fragment", null],
    [{ response_type: "code", response_mode: "jwt" }, "query", null],
    [{ response_type: "bogus", response_mode: "fragment" }, "fragment", null],
    [{ response_type: "bogus" }, "query", null],
  ] as const)("%j -> %s", (params, mode, state) => {
    expect(of(params)).toEqual({ redirectUri: R, responseMode: mode, state });
  });

  it("okta_post_message needs an http(s) redirect URI", () => {
    expect(of({ response_type: "code", response_mode: "okta_post_message" }, "com.example.app:/cb").responseMode).toBe("query");
  });
});
