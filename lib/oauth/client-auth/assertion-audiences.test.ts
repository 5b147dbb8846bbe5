import { describe, expect, it } from "vitest";
import { assertionAudiences, type ClientAuthEndpoint } from "./assertion-audiences";

describe("assertionAudiences", () => {
  const token = "http://idp.test/oauth2/default/v1/token";
  const issuer = "http://idp.test/oauth2/default";

  it.each<[ClientAuthEndpoint, string[]]>([
    ["token", [token, issuer]],
    ["introspect", [`${issuer}/v1/introspect`, token, issuer]],
    ["revoke", [`${issuer}/v1/revoke`, token, issuer]],
  ])("accepts the endpoint invoked, the token endpoint and the issuer at /v1/%s", (endpoint, expected) => {
    expect(assertionAudiences(endpoint, token, issuer)).toEqual(expected);
  });

  it("works for a custom server id", () => {
    expect(assertionAudiences("revoke", "https://org.example.com/oauth2/aus1a2b3c/v1/token", "https://org.example.com/oauth2/aus1a2b3c")).toEqual([
      "https://org.example.com/oauth2/aus1a2b3c/v1/revoke",
      "https://org.example.com/oauth2/aus1a2b3c/v1/token",
      "https://org.example.com/oauth2/aus1a2b3c",
    ]);
  });

  it("accepts the org authorization server's issuer, the org URL, which is not the endpoints' prefix", () => {
    expect(assertionAudiences("introspect", "https://org.example.com/oauth2/v1/token", "https://org.example.com")).toEqual([
      "https://org.example.com/oauth2/v1/introspect",
      "https://org.example.com/oauth2/v1/token",
      "https://org.example.com",
    ]);
  });

  it("accepts only the URL it was given when it is not a /v1/token URL", () => {
    expect(assertionAudiences("introspect", "https://org.example.com/token", "https://org.example.com")).toEqual(["https://org.example.com/token"]);
  });
});
