import { expect, test } from "@playwright/test";
import okta from "@okta/okta-sdk-nodejs";
import { exportJWK, generateKeyPair } from "jose";
import { adminApi, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_ADMIN_TOKEN } from "./e2e-settings";

// OAuth 2.0 for Okta: a service app with a JWKS and private_key_jwt, granted okta.users.* scopes
// (through the grants API, with okta-sdk-nodejs and an SSWS token), lists and creates users with
// okta-sdk-nodejs in authorizationMode "PrivateKey": the SDK gets its access token from
// {ORG_URL}/oauth2/v1/token (client_credentials, a client assertion it signs) and calls /api/v1
// with `Authorization: Bearer`, unchanged.

test("okta-sdk-nodejs with authorizationMode PrivateKey lists and creates users with a service app's okta.* scopes", async ({ baseURL }) => {
  const admin = new okta.Client({ orgUrl: baseURL!, token: E2E_ADMIN_TOKEN });
  const suffix = Date.now().toString(36);
  const pair = await generateKeyPair("RS256", { extractable: true });
  const kid = `sync-${suffix}`;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, use: "sig", alg: "RS256" };
  const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg: "RS256" };

  const app = await admin.applicationApi.createApplication({
    activate: true,
    application: {
      name: "oidc_client",
      label: `Directory Sync ${suffix}`,
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"], jwks: { keys: [publicJwk] } } },
    } as never,
  });
  const clientId = (app as unknown as { credentials: { oauthClient: { client_id: string } } }).credentials.oauthClient.client_id;

  for (const scopeId of ["okta.users.read", "okta.users.manage"]) {
    const grant = await admin.applicationApi.grantConsentToScope({ appId: app.id!, oAuth2ScopeConsentGrant: { issuer: baseURL!, scopeId } });
    expect(grant).toMatchObject({ issuer: baseURL, scopeId, source: "ADMIN", status: "ACTIVE" });
  }
  const granted: string[] = [];
  await (await admin.applicationApi.listScopeConsentGrants({ appId: app.id! })).each((grant) => {
    granted.push(grant.scopeId!);
  });
  expect(granted.sort()).toEqual(["okta.users.manage", "okta.users.read"]);
  // the app's admin role, through the Roles API (POST /api/v1/apps/{appId}/roles)
  const role = await adminApi(baseURL!)<{ type: string; assignmentType: string }>("POST", `/api/v1/apps/${app.id}/roles`, { type: "USER_ADMIN" });
  expect(role).toMatchObject({ type: "USER_ADMIN", assignmentType: "CLIENT" });

  const service = new okta.Client({
    orgUrl: baseURL!,
    authorizationMode: "PrivateKey",
    clientId,
    scopes: ["okta.users.read", "okta.users.manage"],
    privateKey: privateJwk,
  });
  const created = await service.userApi.createUser({
    activate: false,
    body: { profile: { firstName: "Maeve", lastName: "Millay", email: `maeve.${suffix}@example.com`, login: `maeve.${suffix}@example.com` } },
  });
  expect(created.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
  expect(created.status).toBe("STAGED");

  const logins: string[] = [];
  await (await service.userApi.listUsers({ search: `profile.login eq "maeve.${suffix}@example.com"` })).each((user) => {
    logins.push(user.profile!.login!);
  });
  expect(logins).toEqual([`maeve.${suffix}@example.com`]);

  // the System Log records the service app as the actor of the change
  const entries = await adminApi(baseURL!)<Array<{ actor: { id: string; type: string }; target: Array<{ id: string }> }>>(
    "GET",
    `/api/v1/logs?filter=${encodeURIComponent('eventType eq "user.lifecycle.create"')}&sortOrder=DESCENDING&limit=100`,
  );
  expect(entries.find((entry) => entry.target.some((target) => target.id === created.id))?.actor).toMatchObject({ id: app.id, type: "PublicClientApp" });
});

test("an admin grants and revokes an app's Okta API scopes on its dashboard page", async ({ page, baseURL }) => {
  const suffix = Date.now().toString(36);
  const app = await adminApi(baseURL!)<{ id: string }>("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Reporting ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
  });
  await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.goto(`/admin/applications/${app.id}`);
  const section = page.getByRole("region", { name: "Okta API scopes" });
  await expect(section.getByText("No Okta API scopes granted")).toBeVisible();

  await section.getByLabel("Okta API scope").selectOption("okta.logs.read");
  await section.getByRole("button", { name: "Grant scope" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Granted okta.logs.read." })).toBeVisible();
  const table = section.getByRole("table", { name: "Granted Okta API scopes" });
  await expect(table.getByRole("cell", { name: "okta.logs.read", exact: true })).toBeVisible();
  await expect(section.getByLabel("Okta API scope").locator("option", { hasText: "okta.logs.read" })).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  const grants = await adminApi(baseURL!)<Array<{ scopeId: string }>>("GET", `/api/v1/apps/${app.id}/grants`);
  expect(grants.map((grant) => grant.scopeId)).toEqual(["okta.logs.read"]);

  await table.getByRole("button", { name: "Revoke okta.logs.read" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke okta.logs.read?" });
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revoked okta.logs.read." })).toBeVisible();
  await expect(section.getByText("No Okta API scopes granted")).toBeVisible();
  expect(await adminApi(baseURL!)("GET", `/api/v1/apps/${app.id}/grants`)).toEqual([]);
});
