import { describe, expect, it } from "vitest";
import { OAuthError } from "../errors/oauth-error";
import type { OAuthRequest } from "./oauth-request";
import { parseFormBody } from "./parse-form-body";

function request(body: string, contentType = "application/x-www-form-urlencoded"): OAuthRequest {
  return { method: "POST", url: new URL("http://idp.test/oauth2/default/v1/token"), headers: new Headers({ "content-type": contentType }), body, params: {}, ipAddress: null };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof OAuthError) return `${error.error}: ${error.description}`;
    throw error;
  }
  return "no error";
}

describe("parseFormBody", () => {
  it("decodes form parameters and drops empty ones", () => {
    const params = parseFormBody(request("grant_type=client_credentials&scope=a%20b&client_id=x%2By&empty="));
    expect(Object.fromEntries(params)).toEqual({ grant_type: "client_credentials", scope: "a b", client_id: "x+y" });
  });

  it("accepts a charset parameter on the content type", () => {
    expect(parseFormBody(request("a=1", "application/x-www-form-urlencoded; charset=UTF-8")).get("a")).toBe("1");
  });

  it.each([
    ["grant_type=a&grant_type=b", "invalid_request: The 'grant_type' parameter was given more than once."],
    ["scope=a&scope=", "invalid_request: The 'scope' parameter was given more than once."],
  ])("rejects duplicates: %s", (body, expected) => {
    expect(errorOf(() => parseFormBody(request(body)))).toBe(expected);
  });

  it("rejects other content types and oversized bodies", () => {
    expect(errorOf(() => parseFormBody(request('{"a":1}', "application/json")))).toBe(
      "invalid_request: The request must use Content-Type application/x-www-form-urlencoded.",
    );
    expect(errorOf(() => parseFormBody(request(`a=${"x".repeat(70_000)}`)))).toBe("invalid_request: The request body is too large.");
  });
});
