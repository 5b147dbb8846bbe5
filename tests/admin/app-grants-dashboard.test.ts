import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, adminUserId, createPlainUser, sessionCookie } from "../dashboard/dashboard-fixture";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { readLogEvent } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";

describe.each(testProviders())("the dashboard's app grant actions on %s", (provider) => {
  let f: AdminFixture;
  let appId: string;
  let adminCookie: string;
  let userCookie: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const app = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Provisioner",
      signOnMode: "OPENID_CONNECT",
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
    });
    appId = app.body.id;
    adminCookie = await sessionCookie(f, await adminUserId(f));
    userCookie = await sessionCookie(f, await createPlainUser(f, "plain@example.com"));
  });
  afterAll(() => f.close());

  it("grants a scope as the API does (issuer the org URL, System Log attributed to the admin), then revokes it", async () => {
    expect(await act(f, adminCookie, "appGrant.grant", { appId, scopeId: "okta.users.read" })).toEqual({ ok: true, notice: "Granted okta.users.read." });
    const grant = await f.db.appScopeGrant.findFirstOrThrow({ where: { appId } });
    expect(grant).toMatchObject({ scopeId: "okta.users.read", issuer: ORG_URL, source: "ADMIN", status: "ACTIVE", createdBy: await adminUserId(f) });
    const event = await readLogEvent(f.db, { where: { eventType: "app.oauth2.as.consent.grant" } });
    expect(event.debugContext).toMatchObject({ debugData: { apiTokenId: "dashboard", scopeId: "okta.users.read" } });

    expect(await act(f, adminCookie, "appGrant.grant", { appId, scopeId: "okta.users.read" })).toEqual({
      ok: false,
      error: "Api validation failed: scopeId",
      causes: ["scopeId: The app has already been granted okta.users.read."],
    });
    expect(await act(f, adminCookie, "appGrant.revoke", { appId, grantId: grant.id, scopeId: "okta.users.read" })).toEqual({ ok: true, notice: "Revoked okta.users.read." });
    expect(await f.db.appScopeGrant.count({ where: { appId } })).toBe(0);
  });

  it.each<[string, Record<string, string>, string]>([
    ["a forged scope", { scopeId: "okta.everything.manage" }, "Api validation failed: scopeId"],
    ["no scope", {}, "Api validation failed: scopeId"],
  ])("refuses %s with the API's error", async (_name, fields, error) => {
    const result = await act(f, adminCookie, "appGrant.grant", { appId, ...fields });
    expect(result).toMatchObject({ ok: false, error });
    expect(await f.db.appScopeGrant.count({ where: { appId } })).toBe(0);
  });

  it("an unknown grant or app: not found; a non-admin: forbidden, nothing granted", async () => {
    expect(await act(f, adminCookie, "appGrant.revoke", { appId, grantId: "oagNoSuchGrant000001" })).toMatchObject({ ok: false, error: "Not found: Resource not found: oagNoSuchGrant000001 (OAuth2ScopeConsentGrant)" });
    expect(await act(f, adminCookie, "appGrant.grant", { appId: "../etc", scopeId: "okta.users.read" })).toMatchObject({ ok: false, error: "Not found: Resource not found: _invalid_ (AppInstance)" });
    expect(await act(f, userCookie, "appGrant.grant", { appId, scopeId: "okta.users.read" })).toEqual({ ok: false, refused: "forbidden" });
    expect(await f.db.appScopeGrant.count()).toBe(0);
  });
});
