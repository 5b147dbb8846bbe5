import { adminApi } from "./admin-api";
import { expect, test } from "@playwright/test";
import OktaJwtVerifier from "@okta/jwt-verifier";
import * as oidc from "openid-client";

// The token service driven by unchanged certified/Okta clients against the production build:
// openid-client 6 obtains, refreshes, introspects and revokes tokens; @okta/jwt-verifier 4 verifies
// them against our JWKS, also across a key rotation. openid-client also runs the authorization code
// flow as a certified relying party (PKCE, nonce, RFC 9207 iss, userinfo, end session).
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

test("openid-client: authorization code with PKCE and nonce through the hosted sign-in, iss checked (RFC 9207), userinfo, end-session URL", async ({ baseURL, page }) => {
  const issuer = `${baseURL}/oauth2/default`;
  const suffix = Date.now().toString(36);
  const admin = adminApi(baseURL!);
  const redirectUri = "http://localhost:8080/oidc-callback";
  const web = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Certified RP ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "web", redirect_uris: [redirectUri], post_logout_redirect_uris: ["http://localhost:8080/"], grant_types: ["authorization_code"], response_types: ["code"] } },
  });
  const { client_id: clientId, client_secret: clientSecret } = web.credentials.oauthClient;
  const login = `rp.${suffix}@example.com`;
  const password = `Correct-Horse-rp-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: "Rene", lastName: "Party", email: login, login }, credentials: { password: { value: password } } });
  await admin("POST", `/api/v1/apps/${web.id}/users`, { id: user.id, scope: "USER" });

  const config = await oidc.discovery(new URL(issuer), clientId, clientSecret, oidc.ClientSecretBasic(clientSecret), { execute: [oidc.allowInsecureRequests] });
  expect(config.serverMetadata().authorization_response_iss_parameter_supported).toBe(true);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile email",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });

  // nothing listens on the redirect URI: the browser's arrival there is the app's callback
  let callback: URL | undefined;
  await page.route((url) => url.href.startsWith(`${redirectUri}?`), (route) => {
    callback = new URL(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/plain", body: "callback received" });
  });
  await page.goto(authorizationUrl.href);
  await page.getByLabel("Username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("callback received")).toBeVisible();
  expect(callback?.searchParams.get("iss")).toBe(issuer);

  const tokens = await oidc.authorizationCodeGrant(config, callback!, { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
  const claims = tokens.claims()!;
  expect(claims).toMatchObject({ iss: issuer, aud: clientId, sub: user.id, nonce, email: login });
  const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, user.id);
  expect(userinfo).toMatchObject({ sub: user.id, email: login, given_name: "Rene", family_name: "Party" });

  // a replayed code is refused, and the response says so the way openid-client reports it
  const replay = await oidc.authorizationCodeGrant(config, callback!, { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce }).catch((error: { error?: string }) => error);
  expect(replay).toMatchObject({ error: "invalid_grant" });

  const endSession = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: "http://localhost:8080/", state: "bye" });
  expect(endSession.origin + endSession.pathname).toBe(`${issuer}/v1/logout`);
  // with the browser's cookies: the session ends and the answer sends the browser back with state
  const loggedOut = await page.request.get(endSession.href, { maxRedirects: 0 });
  expect([loggedOut.status(), loggedOut.headers().location]).toEqual([302, "http://localhost:8080/?state=bye"]);
  // no session left: a silent authorization request answers login_required
  const silent = await page.request.get(oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: "openid", prompt: "none", state: "silent", nonce: oidc.randomNonce() }).href, { maxRedirects: 0 });
  const answer = new URL(silent.headers().location ?? "about:blank");
  expect(answer.origin + answer.pathname).toBe(redirectUri);
  expect(Object.fromEntries(answer.searchParams)).toMatchObject({ error: "login_required", state: "silent", iss: issuer });
});
