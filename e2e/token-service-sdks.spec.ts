import { adminApi } from "./admin-api";
import { expect, test } from "@playwright/test";
import OktaJwtVerifier from "@okta/jwt-verifier";
import * as oidc from "openid-client";

// The token service driven by unchanged certified/Okta clients against the production build:
// openid-client 6 obtains, refreshes, introspects and revokes tokens; @okta/jwt-verifier 4 verifies
// them against our JWKS, also across a key rotation.
test.describe.configure({ mode: "serial" });

test("openid-client and @okta/jwt-verifier obtain and verify tokens, across refresh, revocation and key rotation", async ({ baseURL }) => {
  const issuer = `${baseURL}/oauth2/default`;
  const suffix = Date.now().toString(36);
  const admin = adminApi(baseURL!);

  await admin("POST", "/api/v1/authorizationServers/default/scopes", { name: `orders:${suffix}`, metadataPublish: "ALL_CLIENTS" });
  const service = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Service ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
  });
  const web = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Web ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_post" } },
    settings: {
      oauthClient: {
        application_type: "web",
        redirect_uris: ["http://localhost:8080/callback"],
        grant_types: ["authorization_code", "password", "refresh_token"],
        response_types: ["code"],
      },
    },
  });
  const password = `Correct-Horse-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", {
    profile: { firstName: "Maeve", lastName: "Millay", email: `maeve.${suffix}@example.com`, login: `maeve.${suffix}@example.com` },
    credentials: { password: { value: password } },
  });
  await admin("POST", `/api/v1/apps/${web.id}/users`, { id: user.id, scope: "USER" });

  const options = { execute: [oidc.allowInsecureRequests] };
  const serviceConfig = await oidc.discovery(new URL(issuer), service.credentials.oauthClient.client_id, service.credentials.oauthClient.client_secret, oidc.ClientSecretBasic(service.credentials.oauthClient.client_secret), options);
  expect(serviceConfig.serverMetadata().issuer).toBe(issuer);
  const webConfig = await oidc.discovery(new URL(issuer), web.credentials.oauthClient.client_id, web.credentials.oauthClient.client_secret, undefined, options);

  const verifier = new OktaJwtVerifier({ issuer, testing: { disableHttpsCheck: true } });

  // client_credentials
  const cc = await oidc.clientCredentialsGrant(serviceConfig, { scope: `orders:${suffix}` });
  expect(cc.token_type).toBe("bearer");
  expect(cc.refresh_token).toBeUndefined();
  expect(cc.id_token).toBeUndefined();
  const ccJwt = await verifier.verifyAccessToken(cc.access_token, "api://default");
  expect(ccJwt.claims).toMatchObject({ cid: service.id, sub: service.id, scp: [`orders:${suffix}`], iss: issuer, ver: 1 });
  expect(ccJwt.claims.uid).toBeUndefined();

  // password grant with openid + offline_access
  const pw = await oidc.genericGrantRequest(webConfig, "password", { username: user.profile.login, password, scope: `openid profile offline_access orders:${suffix}` });
  expect(pw.refresh_token).toBeTruthy();
  expect(pw.id_token).toBeTruthy();
  const atJwt = await verifier.verifyAccessToken(pw.access_token, "api://default");
  expect(atJwt.claims).toMatchObject({ cid: web.id, uid: user.id, sub: user.profile.login });
  const idJwt = await verifier.verifyIdToken(pw.id_token!, web.id);
  expect(idJwt.claims).toMatchObject({ sub: user.id, aud: web.id, iss: issuer, preferred_username: user.profile.login });

  // refresh rotation: a new refresh token each time; the access token verifies
  const refreshed = await oidc.refreshTokenGrant(webConfig, pw.refresh_token!);
  expect(refreshed.refresh_token).toBeTruthy();
  expect(refreshed.refresh_token).not.toBe(pw.refresh_token);
  await verifier.verifyAccessToken(refreshed.access_token, "api://default");

  // introspection, then revocation of the refresh token kills its grant's access tokens
  const live = await oidc.tokenIntrospection(webConfig, refreshed.access_token);
  expect(live).toMatchObject({ active: true, client_id: web.id, uid: user.id, token_type: "Bearer" });
  await oidc.tokenRevocation(webConfig, refreshed.refresh_token!, { token_type_hint: "refresh_token" });
  expect(await oidc.tokenIntrospection(webConfig, refreshed.refresh_token!)).toEqual({ active: false });
  expect(await oidc.tokenIntrospection(webConfig, refreshed.access_token)).toEqual({ active: false });
  const reuse = await oidc.refreshTokenGrant(webConfig, refreshed.refresh_token!).catch((error: { error?: string; error_description?: string }) => error);
  expect(reuse).toMatchObject({ error: "invalid_grant", error_description: "The refresh token is invalid or expired." });

  // key rotation mid-test: tokens signed before still verify, tokens signed after use the new key
  const before = await oidc.clientCredentialsGrant(serviceConfig, { scope: `orders:${suffix}` });
  const keys = await admin("POST", "/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate", { use: "sig" });
  const after = await oidc.clientCredentialsGrant(serviceConfig, { scope: `orders:${suffix}` });
  const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString()).kid as string;
  expect(kidOf(after.access_token)).toBe(keys[0].kid);
  expect(kidOf(before.access_token)).not.toBe(kidOf(after.access_token));
  const freshVerifier = new OktaJwtVerifier({ issuer, testing: { disableHttpsCheck: true } });
  await freshVerifier.verifyAccessToken(after.access_token, "api://default");
  await freshVerifier.verifyAccessToken(before.access_token, "api://default");
  await verifier.verifyAccessToken(after.access_token, "api://default");
});
