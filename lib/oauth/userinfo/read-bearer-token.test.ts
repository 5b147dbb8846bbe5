import { describe, expect, it } from "vitest";
import { OAuthError } from "../errors/oauth-error";
import type { OAuthRequest } from "../request/oauth-request";
import { readBearerToken } from "./read-bearer-token";

function request(method: string, headers: Record<string, string>, body: string | null = null): OAuthRequest {
  return { method, url: new URL("http://idp.test/oauth2/default/v1/userinfo"), headers: new Headers(headers), body, params: {}, ipAddress: null };
}
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("readBearerToken", () => {
  it.each([
    ["Bearer abc.def.ghi", "abc.def.ghi"],
    ["bearer abc", "abc"],
    ["BEARER   abc  ", "abc"],
    ["Bearer", null],
    ["Bearer ", null],
    ["Bearer a b", null],
    ["Basic YWJjOmRlZg==", null],
    ["DPoP abc", null],
    ["", null],
  ])("reads %j from the Authorization header as %j", (header, expected) => {
    expect(readBearerToken(request("GET", { Authorization: header }))).toBe(expected);
  });

  it("reads access_token from a POST form body only", () => {
    expect(readBearerToken(request("POST", FORM, "access_token=abc"))).toBe("abc");
    expect(readBearerToken(request("POST", { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" }, "access_token=abc"))).toBe("abc");
    expect(readBearerToken(request("POST", { "Content-Type": "application/json" }, '{"access_token":"abc"}'))).toBeNull();
    expect(readBearerToken(request("GET", FORM, "access_token=abc"))).toBeNull();
    expect(readBearerToken(request("POST", FORM, "other=1"))).toBeNull();
    expect(readBearerToken(request("POST", FORM, null))).toBeNull();
  });

  it("refuses both methods at once, and a repeated access_token (400 invalid_request)", () => {
    for (const req of [request("POST", { ...FORM, Authorization: "Bearer abc" }, "access_token=abc"), request("POST", FORM, "access_token=a&access_token=b")]) {
      let caught: unknown;
      try {
        readBearerToken(req);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(OAuthError);
      expect(caught).toMatchObject({ error: "invalid_request", status: 400 });
    }
  });

  it("ignores the query string (RFC 6750 2.3 is not supported)", () => {
    const req = request("GET", {});
    req.url.searchParams.set("access_token", "abc");
    expect(readBearerToken(req)).toBeNull();
  });
});
