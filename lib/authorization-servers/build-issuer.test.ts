import { describe, expect, it } from "vitest";
import { buildEndpointUrl, buildIssuer } from "./build-issuer";

describe("buildIssuer and buildEndpointUrl", () => {
  it("a custom server: /oauth2/{id}, its endpoints under it", () => {
    expect(buildIssuer("https://id.example.com", "default")).toBe("https://id.example.com/oauth2/default");
    expect(buildEndpointUrl("https://id.example.com", "aus1", "token")).toBe("https://id.example.com/oauth2/aus1/v1/token");
  });

  it("the org server: the org URL exactly, its endpoints under /oauth2/v1", () => {
    expect(buildIssuer("https://id.example.com", "org")).toBe("https://id.example.com");
    expect(buildEndpointUrl("https://id.example.com", "org", "authorize/resume")).toBe("https://id.example.com/oauth2/v1/authorize/resume");
  });

  it("trims trailing slashes of ORG_URL", () => {
    expect(buildIssuer("https://id.example.com//", "org")).toBe("https://id.example.com");
    expect(buildEndpointUrl("https://id.example.com/", "default", "keys")).toBe("https://id.example.com/oauth2/default/v1/keys");
  });
});
