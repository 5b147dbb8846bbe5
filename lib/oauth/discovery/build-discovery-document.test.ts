import { describe, expect, it } from "vitest";
import { makeTestSnapshot } from "@/tests/support/make-test-snapshot";
import { buildDiscoveryDocument } from "./build-discovery-document";
import { buildIssuer } from "../../authorization-servers/build-issuer";
import { listPublishedScopes } from "./list-published-scopes";

const ORG = "http://idp.test";
const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"];
const DEFAULT_SCOPES = ["openid", "profile", "email", "address", "phone", "offline_access"];

describe("buildDiscoveryDocument for the default server", () => {
  const scopes = listPublishedScopes(makeTestSnapshot({}).scopes);

  it("openid-configuration, exactly", () => {
    const document = buildDiscoveryDocument("openid-configuration", { orgUrl: ORG, authServerId: "default", scopes, claims: [] });
    expect(JSON.stringify(document)).toBe(
      JSON.stringify({
        issuer: "http://idp.test/oauth2/default",
        authorization_endpoint: "http://idp.test/oauth2/default/v1/authorize",
        token_endpoint: "http://idp.test/oauth2/default/v1/token",
        userinfo_endpoint: "http://idp.test/oauth2/default/v1/userinfo",
        registration_endpoint: "http://idp.test/oauth2/v1/clients",
        jwks_uri: "http://idp.test/oauth2/default/v1/keys",
        response_types_supported: ["code", "id_token", "code id_token", "code token", "id_token token", "code id_token token"],
        response_modes_supported: ["query", "fragment", "form_post", "okta_post_message"],
        grant_types_supported: ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: DEFAULT_SCOPES,
        token_endpoint_auth_methods_supported: AUTH_METHODS,
        claims_supported: [
          "iss", "ver", "sub", "aud", "iat", "exp", "jti", "auth_time", "amr", "acr", "idp", "nonce", "name", "nickname", "preferred_username",
          "given_name", "middle_name", "family_name", "email", "email_verified", "profile", "zoneinfo", "locale", "address", "phone_number",
          "picture", "website", "gender", "birthdate", "updated_at", "at_hash", "c_hash",
        ],
        acr_values_supported: ["urn:okta:loa:1fa:any", "urn:okta:loa:1fa:pwd", "urn:okta:loa:2fa:any", "urn:okta:loa:2fa:any:ifpossible"],
        code_challenge_methods_supported: ["S256"],
        introspection_endpoint: "http://idp.test/oauth2/default/v1/introspect",
        introspection_endpoint_auth_methods_supported: AUTH_METHODS,
        revocation_endpoint: "http://idp.test/oauth2/default/v1/revoke",
        revocation_endpoint_auth_methods_supported: AUTH_METHODS,
        end_session_endpoint: "http://idp.test/oauth2/default/v1/logout",
        request_parameter_supported: false,
        request_uri_parameter_supported: false,
        authorization_response_iss_parameter_supported: true,
        ui_locales_supported: ["en", "de", "fr"],
      }),
    );
  });

  it("oauth-authorization-server, exactly", () => {
    const document = buildDiscoveryDocument("oauth-authorization-server", { orgUrl: ORG, authServerId: "default", scopes, claims: [] });
    expect(JSON.stringify(document)).toBe(
      JSON.stringify({
        issuer: "http://idp.test/oauth2/default",
        authorization_endpoint: "http://idp.test/oauth2/default/v1/authorize",
        token_endpoint: "http://idp.test/oauth2/default/v1/token",
        registration_endpoint: "http://idp.test/oauth2/v1/clients",
        jwks_uri: "http://idp.test/oauth2/default/v1/keys",
        response_types_supported: ["code", "token", "id_token", "code id_token", "code token", "id_token token", "code id_token token"],
        response_modes_supported: ["query", "fragment", "form_post", "okta_post_message"],
        grant_types_supported: ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"],
        subject_types_supported: ["public"],
        scopes_supported: DEFAULT_SCOPES,
        token_endpoint_auth_methods_supported: AUTH_METHODS,
        claims_supported: ["ver", "jti", "iss", "aud", "iat", "exp", "cid", "uid", "scp", "sub"],
        code_challenge_methods_supported: ["S256"],
        introspection_endpoint: "http://idp.test/oauth2/default/v1/introspect",
        introspection_endpoint_auth_methods_supported: AUTH_METHODS,
        revocation_endpoint: "http://idp.test/oauth2/default/v1/revoke",
        revocation_endpoint_auth_methods_supported: AUTH_METHODS,
        end_session_endpoint: "http://idp.test/oauth2/default/v1/logout",
        request_parameter_supported: false,
        request_uri_parameter_supported: false,
        authorization_response_iss_parameter_supported: true,
        ui_locales_supported: ["en", "de", "fr"],
      }),
    );
  });
});

describe("buildDiscoveryDocument for other servers", () => {
  it("puts the server id in every server-specific URL; registration stays on the org", () => {
    const document = buildDiscoveryDocument("openid-configuration", { orgUrl: "https://login.example.com", authServerId: "aus1abc", scopes: [], claims: [] });
    expect(document).toMatchObject({
      issuer: "https://login.example.com/oauth2/aus1abc",
      jwks_uri: "https://login.example.com/oauth2/aus1abc/v1/keys",
      registration_endpoint: "https://login.example.com/oauth2/v1/clients",
      scopes_supported: [],
    });
  });

  it("lists the published scopes and appends published claim names once", () => {
    const document = buildDiscoveryDocument("oauth-authorization-server", { orgUrl: ORG, authServerId: "x", scopes: ["car:drive", "openid", "car:drive"], claims: ["groups", "sub"] });
    expect(document.scopes_supported).toEqual(["car:drive", "openid"]);
    expect(document.claims_supported).toEqual(["ver", "jti", "iss", "aud", "iat", "exp", "cid", "uid", "scp", "sub", "groups"]);
  });
});

describe("listPublishedScopes", () => {
  it("lists ALL_CLIENTS scopes only: custom ones by name, then the OIDC ones in their usual order", () => {
    const snapshot = makeTestSnapshot({
      scopes: [
        { name: "files:write", metadataPublish: "ALL_CLIENTS" },
        { name: "secret", metadataPublish: "NO_CLIENTS" },
        { name: "companies:read", metadataPublish: "ALL_CLIENTS" },
      ],
    });
    expect(listPublishedScopes(snapshot.scopes)).toEqual(["companies:read", "files:write", ...DEFAULT_SCOPES]);
  });

  it("leaves out a system scope that is not published", () => {
    expect(listPublishedScopes([{ name: "openid", metadataPublish: "NO_CLIENTS" }, { name: "email", metadataPublish: "ALL_CLIENTS" }])).toEqual(["email"]);
  });
});

describe("buildIssuer", () => {
  it.each([
    ["http://idp.test", "default", "http://idp.test/oauth2/default"],
    ["http://idp.test/", "default", "http://idp.test/oauth2/default"],
    ["https://example.com/base", "aus1", "https://example.com/base/oauth2/aus1"],
  ])("%s + %s", (orgUrl, id, issuer) => {
    expect(buildIssuer(orgUrl, id)).toBe(issuer);
  });
});

describe("buildDiscoveryDocument for the org authorization server", () => {
  it("issuer is the org URL exactly; the endpoints are under /oauth2/v1", () => {
    const document = buildDiscoveryDocument("openid-configuration", { orgUrl: "https://login.example.com", authServerId: "org", scopes: ["openid"], claims: [] });
    expect(document).toMatchObject({
      issuer: "https://login.example.com",
      authorization_endpoint: "https://login.example.com/oauth2/v1/authorize",
      token_endpoint: "https://login.example.com/oauth2/v1/token",
      userinfo_endpoint: "https://login.example.com/oauth2/v1/userinfo",
      registration_endpoint: "https://login.example.com/oauth2/v1/clients",
      jwks_uri: "https://login.example.com/oauth2/v1/keys",
      introspection_endpoint: "https://login.example.com/oauth2/v1/introspect",
      revocation_endpoint: "https://login.example.com/oauth2/v1/revoke",
      end_session_endpoint: "https://login.example.com/oauth2/v1/logout",
    });
  });
});
