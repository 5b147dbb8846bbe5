import { describe, expect, it } from "vitest";
import { matchProtocolEndpoint, ORG_SERVER_PARAMS, PROTOCOL_ENDPOINTS } from "./protocol-endpoints";

describe("matchProtocolEndpoint", () => {
  it.each([
    ["/.well-known/openid-configuration", ".well-known/openid-configuration"],
    ["/.well-known/oauth-authorization-server", ".well-known/oauth-authorization-server"],
    ["/oauth2/v1/keys", "v1/keys"],
    ["/oauth2/v1/token", "v1/token"],
    ["/oauth2/v1/introspect", "v1/introspect"],
    ["/oauth2/v1/revoke", "v1/revoke"],
    ["/oauth2/v1/userinfo", "v1/userinfo"],
  ] as const)("%s: the org authorization server's", (path, endpoint) => {
    expect(matchProtocolEndpoint(path)).toEqual({ endpoint: PROTOCOL_ENDPOINTS[endpoint], params: ORG_SERVER_PARAMS });
  });

  it("a custom server's, by its path segment", () => {
    expect(matchProtocolEndpoint("/oauth2/default/v1/token")).toEqual({ endpoint: PROTOCOL_ENDPOINTS["v1/token"], params: { authServerId: "default" } });
    expect(matchProtocolEndpoint("/oauth2/aus%31/.well-known/openid-configuration")).toEqual({ endpoint: PROTOCOL_ENDPOINTS[".well-known/openid-configuration"], params: { authServerId: "aus1" } });
  });

  it.each(["/oauth2/v1/clients", "/oauth2/v1/authorize", "/oauth2/v1/logout", "/.well-known/other", "/oauth2/.well-known/openid-configuration", "/oauth2/v1/keys/"])("%s: not a protocol endpoint the fast path answers", (path) => {
    expect(matchProtocolEndpoint(path)).toBeNull();
  });
});
