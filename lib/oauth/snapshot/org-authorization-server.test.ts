import { describe, expect, it } from "vitest";
import { ORG_AUTH_SERVER_ID, ORG_SERVER_PARAMS, requestedServerId, serverPaths } from "./org-authorization-server";

describe("requestedServerId", () => {
  it("names the org server on its own routes only", () => {
    expect(requestedServerId(ORG_SERVER_PARAMS)).toBe(ORG_AUTH_SERVER_ID);
    expect(requestedServerId({ ...ORG_SERVER_PARAMS, authServerId: "default" })).toBe(ORG_AUTH_SERVER_ID);
  });

  it("names a custom server by its path segment, never the org server", () => {
    expect(requestedServerId({ authServerId: "default" })).toBe("default");
    expect(requestedServerId({ authServerId: "aus1a2b3c4d5e6f7g8h9" })).toBe("aus1a2b3c4d5e6f7g8h9");
    expect(requestedServerId({ authServerId: ORG_AUTH_SERVER_ID })).toBe("");
    expect(requestedServerId({ authServerId: ORG_AUTH_SERVER_ID, orgAuthorizationServer: "yes" })).toBe("");
    expect(requestedServerId({})).toBe("");
  });
});

describe("serverPaths", () => {
  it("the org server: issuer ORG_URL itself, endpoints under /oauth2", () => {
    expect(serverPaths(ORG_AUTH_SERVER_ID)).toEqual({ issuerPath: "", endpointPath: "/oauth2" });
  });

  it("a custom server: both under /oauth2/{id}", () => {
    expect(serverPaths("default")).toEqual({ issuerPath: "/oauth2/default", endpointPath: "/oauth2/default" });
  });
});
