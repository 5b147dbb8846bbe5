import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { act, sessionCookie } from "../dashboard/dashboard-fixture";
import { createTestAdmin } from "../admin-roles/role-test-actors";
import { ORG_SERVER, createTokenFixture, type TokenFixture } from "../oauth/token-fixture";
import { createAdminFixture, ORG_URL, type AdminFixture, type ApiResult } from "../support/admin-fixture";
import { setUserRoles } from "../support/admin-roles";
import { callRoute } from "../support/call-route";
import { deleteLogEvents, readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";

const DENIED = "core.user.admin_privilege.denied";
const FORBIDDEN = { errorCode: "E0000006", errorSummary: "You do not have permission to perform the requested action" };

/** Mends of a security review of the management API's privileges (both databases). */
describe.each(testProviders())("review mends: target rules, client secrets and the dashboard on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const serviceApp = async (label: string, role?: "USER_ADMIN") => {
    const res = await f.api("POST", "/api/v1/apps", { name: "oidc_client", label, signOnMode: "OPENID_CONNECT", settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.credentials.oauthClient.client_secret).toEqual(expect.any(String));
    if (role) expect((await f.api("POST", `/api/v1/apps/${res.body.id}/roles`, { type: role })).status).toBe(201);
    return { id: res.body.id as string, clientId: res.body.credentials.oauthClient.client_id as string, secret: res.body.credentials.oauthClient.client_secret as string };
  };

  async function expectRefused(actorId: string, res: ApiResult) {
    expect(res.status, res.text).toBe(403);
    expect(res.body).toMatchObject(FORBIDDEN);
    const events = await readLogEvents(f.db, { where: { eventType: DENIED } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId, outcomeResult: "DENY" });
    await deleteLogEvents(f.db, { eventType: DENIED });
  }

  it.each(["ORG_ADMIN", "USER_ADMIN"] as const)("%s: a SUPER_ADMIN named by login (plain, percent-encoded, double-encoded) instead of id is still refused on every write, nothing changed", async (role) => {
    const actor = await createTestAdmin(f, [role], `By${role.replace("_", "")}`);
    // a SUPER_ADMIN of its own (the fixture's stays untouched should the rules fail)
    const superAdmin = await createTestAdmin(f, ["SUPER_ADMIN"], `Victim${role.replace("_", "")}`);
    const as = { token: actor.token };
    const before = await f.db.user.findUniqueOrThrow({ where: { id: superAdmin.id } });
    await deleteLogEvents(f.db, { eventType: DENIED });
    const [name, domain] = superAdmin.login.split("@");
    for (const key of [superAdmin.login, `${name}%40${domain}`, `${name!.toUpperCase()}%2540${domain}`]) {
      const base = `/api/v1/users/${key}`;
      await expectRefused(actor.id, await f.api("POST", `${base}/lifecycle/reset_password?sendEmail=false`, undefined, as));
      await expectRefused(actor.id, await f.api("PUT", base, { profile: { firstName: "Owned", lastName: "Admin", email: superAdmin.login, login: superAdmin.login } }, as));
      await expectRefused(actor.id, await f.api("POST", base, { profile: { firstName: "Owned" } }, as));
      await expectRefused(actor.id, await f.api("POST", `${base}/lifecycle/reset_factors`, undefined, as));
      await expectRefused(actor.id, await f.api("DELETE", `${base}/factors/mblNoSuchFactor00001`, undefined, as));
      await expectRefused(actor.id, await f.api("POST", `${base}/lifecycle/deactivate`, undefined, as));
      await expectRefused(actor.id, await f.api("POST", `${base}/lifecycle/suspend`, undefined, as));
      await expectRefused(actor.id, await f.api("POST", `${base}/lifecycle/expire_password`, undefined, as));
      await expectRefused(actor.id, await f.api("DELETE", base, undefined, as));
    }
    const after = await f.db.user.findUniqueOrThrow({ where: { id: superAdmin.id } });
    expect(after).toEqual(before);
    // a user without roles is still the admin's to manage by login; an unknown login is the operation's 404
    const plain = await createTestAdmin(f, [], `Plain${role.replace("_", "")}`);
    const edit = await f.api("POST", `/api/v1/users/${plain.login.replace("@", "%40")}`, { profile: { firstName: "Edited" } }, as);
    expect(edit.status, edit.text).toBe(200);
    expect(edit.body.id).toBe(plain.id);
    const unknown = await f.api("POST", "/api/v1/users/nobody@example.com/lifecycle/suspend", undefined, as);
    expect(unknown.status, unknown.text).toBe(404);
    expect(unknown.body).toMatchObject({ errorCode: "E0000007" });
  });

  it("an app's client secret is shown only to who may manage the app: not to a READ_ONLY_ADMIN, nor an APP_ADMIN on an app holding a role", async () => {
    const privileged = await serviceApp("Privileged reader target", "USER_ADMIN");
    const plain = await serviceApp("Plain reader target");
    const readOnly = await createTestAdmin(f, ["READ_ONLY_ADMIN"], "Reader");
    const appAdmin = await createTestAdmin(f, ["APP_ADMIN"], "AppKeeper");
    const secretOf = async (appId: string, token?: string) => {
      const one = await f.api("GET", `/api/v1/apps/${appId}`, undefined, token ? { token } : {});
      expect(one.status, one.text).toBe(200);
      const list = await f.api("GET", "/api/v1/apps?limit=200", undefined, token ? { token } : {});
      expect(list.status, list.text).toBe(200);
      const listed = (list.body as Array<{ id: string; credentials: { oauthClient: Record<string, unknown> } }>).find((app) => app.id === appId)!;
      expect(listed.credentials.oauthClient.client_secret).toEqual(one.body.credentials.oauthClient.client_secret);
      // the rest of the shape stays
      expect(one.body.credentials.oauthClient).toMatchObject({ client_id: expect.any(String), token_endpoint_auth_method: "client_secret_basic" });
      return one.body.credentials.oauthClient.client_secret as string | undefined;
    };
    expect(await secretOf(privileged.id, readOnly.token)).toBeUndefined();
    expect(await secretOf(plain.id, readOnly.token)).toBeUndefined();
    expect(await secretOf(privileged.id, appAdmin.token)).toBeUndefined();
    expect(await secretOf(plain.id, appAdmin.token)).toBe(plain.secret);
    expect(await secretOf(privileged.id)).toBe(privileged.secret);
  });

  it("the dashboard's accessPolicy.assignApp applies the app's target rule: an ORG_ADMIN cannot move an app holding a role to another policy", async () => {
    const policy = await f.api("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Mend policy" });
    expect(policy.status, policy.text).toBe(200);
    const privileged = await serviceApp("Privileged policy target", "USER_ADMIN");
    const plain = await serviceApp("Plain policy target");
    const orgAdmin = await createTestAdmin(f, ["ORG_ADMIN"], "Mover");
    const cookie = await sessionCookie(f, orgAdmin.id);
    await deleteLogEvents(f.db, { eventType: DENIED });
    const refused = await act(f, cookie, "accessPolicy.assignApp", { policyId: policy.body.id, clientId: privileged.clientId });
    expect(refused).toMatchObject({ ok: false, causes: [`The app ${privileged.id} holds admin roles or okta.* scope grants: only a super administrator (SUPER_ADMIN) may do this.`] });
    expect(await readLogEvents(f.db, { where: { eventType: DENIED } })).toHaveLength(1);
    expect((await f.api("GET", `/api/v1/apps/${privileged.id}`)).body._links.accessPolicy.href).not.toBe(`${ORG_URL}/api/v1/policies/${policy.body.id}`);
    expect(await act(f, cookie, "accessPolicy.assignApp", { policyId: policy.body.id, clientId: plain.clientId })).toEqual({ ok: true, notice: "Assigned Plain policy target to this policy." });
    expect((await f.api("GET", `/api/v1/apps/${plain.id}`)).body._links.accessPolicy.href).toBe(`${ORG_URL}/api/v1/policies/${policy.body.id}`);
  });
});

describe.each(testProviders())("review mends: an access token on the self routes needs a scope on %s", (provider) => {
  let t: TokenFixture;

  async function bearer(method: string, path: string, token: string): Promise<ApiResult> {
    const response = await callRoute(new Request(`${ORG_URL}${path}`, { method, headers: { Accept: "application/json", Authorization: `Bearer ${token}` } }));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
  }

  beforeAll(async () => {
    t = await createTokenFixture(provider);
  });
  afterAll(() => t.f.close());

  it("an admin's `openid profile` token cannot read /users/me nor list or revoke the admin's API tokens: 403 insufficient_scope; the okta.* scopes can", async () => {
    const web = await t.app("Self Console", { application_type: "web", redirect_uris: ["https://console.example.com/cb"], grant_types: ["authorization_code", "password"] });
    const admin = await t.user("Selfie");
    await t.assign(web.appId, admin.id);
    await setUserRoles(t.f.db, admin.id, ["ORG_ADMIN"]);
    const ssws = await createApiToken(t.f.db, { name: "Selfie's token", userId: admin.id }, t.f.clock.now);
    const tokenFor = async (scope: string) => {
      const res = await t.token({ grant_type: "password", username: admin.login, password: admin.password, scope }, { server: ORG_SERVER, basic: t.basic(web) });
      expect(res.status, res.text).toBe(200);
      expect(decodeJwt(res.body.access_token)).toMatchObject({ uid: admin.id, aud: ORG_URL });
      return res.body.access_token as string;
    };
    const plain = await tokenFor("openid profile");
    const refusals: Array<[string, string, string]> = [
      ["GET", "/api/v1/users/me", "okta.users.read"],
      ["GET", `/api/v1/users/${admin.id}`, "okta.users.read"],
      ["GET", "/api/v1/api-tokens", "okta.apiTokens.read"],
      ["GET", `/api/v1/api-tokens/${ssws.record.id}`, "okta.apiTokens.read"],
      ["DELETE", `/api/v1/api-tokens/${ssws.record.id}`, "okta.apiTokens.manage"],
      ["DELETE", "/api/v1/api-tokens/current", "okta.apiTokens.manage"],
    ];
    for (const [method, path, scope] of refusals) {
      const res = await bearer(method, path, plain);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(403);
      expect(res.headers.get("www-authenticate")).toBe(`Bearer error="insufficient_scope", scope="${scope}"`);
      expect(res.body).toMatchObject({ ...FORBIDDEN, errorCauses: [{ errorSummary: `The access token lacks the scope ${scope}.` }] });
    }
    expect(await t.f.db.apiToken.count({ where: { id: ssws.record.id } })).toBe(1);

    for (const scopeId of ["okta.users.read", "okta.apiTokens.read"]) expect((await t.f.api("POST", `/api/v1/apps/${web.appId}/grants`, { scopeId, issuer: ORG_URL })).status).toBe(201);
    const scoped = await tokenFor("openid okta.users.read okta.apiTokens.read");
    const me = await bearer("GET", "/api/v1/users/me", scoped);
    expect(me.status, me.text).toBe(200);
    expect(me.body.id).toBe(admin.id);
    expect((await bearer("GET", "/api/v1/api-tokens", scoped)).status).toBe(200);
    // reading is not revoking
    expect((await bearer("DELETE", `/api/v1/api-tokens/${ssws.record.id}`, scoped)).status).toBe(403);
    expect(await t.f.db.apiToken.count({ where: { id: ssws.record.id } })).toBe(1);
  });
});
