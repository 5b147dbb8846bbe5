import { describe, expect, it } from "vitest";
import { validateClientMetadata } from "./validate-client-metadata";

const trusted = { consentMethod: "TRUSTED" as const };

describe("validateClientMetadata defaults", () => {
  it.each([
    [
      "web",
      { application_type: "web", redirect_uris: ["https://a.example/cb"] },
      { grantTypes: ["authorization_code"], responseTypes: ["code"], tokenEndpointAuthMethod: "client_secret_basic", pkceRequired: false },
    ],
    [
      "browser",
      { application_type: "browser", redirect_uris: ["https://a.example/cb"] },
      { grantTypes: ["authorization_code"], responseTypes: ["code"], tokenEndpointAuthMethod: "none", pkceRequired: true },
    ],
    [
      "native",
      { application_type: "native", redirect_uris: ["com.example.app:/cb"] },
      { grantTypes: ["authorization_code"], responseTypes: ["code"], tokenEndpointAuthMethod: "none", pkceRequired: true },
    ],
    [
      "service",
      { application_type: "service" },
      { grantTypes: ["client_credentials"], responseTypes: ["token"], tokenEndpointAuthMethod: "client_secret_basic", pkceRequired: false },
    ],
    [
      "no application_type (web)",
      { redirect_uris: ["https://a.example/cb"] },
      { applicationType: "web", grantTypes: ["authorization_code"], responseTypes: ["code"], tokenEndpointAuthMethod: "client_secret_basic" },
    ],
    [
      "implicit listed explicitly (response types derived)",
      { application_type: "browser", redirect_uris: ["https://a.example/cb"], grant_types: ["authorization_code", "implicit"] },
      { grantTypes: ["authorization_code", "implicit"], responseTypes: ["code", "token", "id_token"] },
    ],
  ])("applies the %s defaults", (_, input, expected) => {
    const result = validateClientMetadata(input, trusted);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toMatchObject({ consentMethod: "TRUSTED", postLogoutRedirectUris: [], clientUri: null, jwks: null, ...expected });
  });

  it("never enables implicit or password unless listed", () => {
    for (const type of ["web", "browser", "native", "service"]) {
      const result = validateClientMetadata({ application_type: type, ...(type === "service" ? {} : { redirect_uris: ["https://a.example/cb"] }) }, trusted);
      expect(result.ok && result.value.grantTypes).not.toContain("implicit");
      expect(result.ok && result.value.grantTypes).not.toContain("password");
    }
  });

  it("takes the caller's default consent method and treats null as absent", () => {
    const result = validateClientMetadata({ application_type: "web", redirect_uris: ["https://a.example/cb"], client_uri: null, consent_method: null }, { consentMethod: "REQUIRED" });
    expect(result.ok && result.value.consentMethod).toBe("REQUIRED");
  });

  it("deduplicates grant types and reports type errors before rules", () => {
    const ok = validateClientMetadata({ redirect_uris: ["https://a.example/cb"], grant_types: ["authorization_code", "authorization_code"] }, trusted);
    expect(ok.ok && ok.value.grantTypes).toEqual(["authorization_code"]);
    expect(validateClientMetadata({ redirect_uris: "https://a.example/cb", pkce_required: "yes" }, trusted)).toEqual({
      ok: false,
      errors: [
        { field: "redirect_uris", message: "Must be an array of strings." },
        { field: "pkce_required", message: "Must be true or false." },
      ],
    });
  });

  it("reports every broken rule at once", () => {
    const result = validateClientMetadata({ application_type: "browser", token_endpoint_auth_method: "client_secret_post", grant_types: ["password"] }, trusted);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: "grant_types", message: "Browser applications cannot use the password grant." },
        { field: "grant_types", message: "Browser applications must include the authorization_code or implicit grant." },
        { field: "token_endpoint_auth_method", message: "Browser applications are public clients: token_endpoint_auth_method must be none." },
      ],
    });
  });
});
