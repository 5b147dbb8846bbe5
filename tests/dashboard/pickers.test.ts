import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyFields, RuleFields, type PolicyJson, type RuleJson } from "@/app/admin/authorization-servers/[authServerId]/policies/_policy-forms";
import type { AdminCall } from "@/lib/dashboard/dashboard-context";
import { loadPickerSelection } from "@/lib/dashboard/pickers/load-picker-selection";
import { loadPolicyClients, loadRulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { searchPickerOptions } from "@/lib/dashboard/pickers/search-picker-options";
import { requireAdmin } from "@/lib/dashboard/require-admin";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { act, adminUserId, dashboardApp, sessionCookie } from "./dashboard-fixture";
import { formFieldsFromMarkup } from "./form-fields-from-markup";

/** More than the 200 entries the pickers used to list. */
const COUNT = 205;
const AS = "/api/v1/authorizationServers/default";
const pad = (n: number) => String(n).padStart(3, "0");

describe.each(testProviders())("dashboard pickers beyond the first page on %s", (provider) => {
  let f: AdminFixture;
  let cookie: string;
  let call: AdminCall;
  let policyId: string;
  /** the entries that come last in the API's lists (id order): position >= 205 */
  let lastUser: { id: string; login: string };
  let lastGroup: { id: string; name: string };
  let lastApp: { clientId: string; label: string };
  let firstPageUser: string;

  async function created(path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await f.api("POST", path, body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.text}`);
    return res.body;
  }

  async function firstPage(path: string): Promise<string[]> {
    const res = await f.api("GET", `${path}?limit=200`);
    expect(res.headers.get("link")).toContain('rel="next"');
    return (res.body as Array<{ id: string }>).map((item) => item.id);
  }

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    cookie = await sessionCookie(f, await adminUserId(f));
    const check = await requireAdmin(f.db, cookie, f.clock.now);
    if (!check.ok) throw new Error("no admin session");
    call = { app: dashboardApp(f), admin: check.admin, client: { ipAddress: "203.0.113.9", userAgent: "vitest" } };
    for (let n = 1; n <= COUNT; n++) {
      await created("/api/v1/users?activate=false", { profile: { login: `picker.${pad(n)}@example.com`, email: `picker.${pad(n)}@example.com`, firstName: "Picker", lastName: `Number ${pad(n)}` } });
      await created("/api/v1/groups", { profile: { name: `Picker group ${pad(n)}` } });
      await created("/api/v1/apps", {
        name: "oidc_client",
        label: `Picker app ${pad(n)}`,
        signOnMode: "OPENID_CONNECT",
        settings: { oauthClient: { application_type: "browser", grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: [`https://app${pad(n)}.example.com/cb`] } },
      });
    }
    const user = await f.db.user.findFirstOrThrow({ orderBy: { id: "desc" } });
    lastUser = { id: user.id, login: (user.profile as { login: string }).login };
    const group = await f.db.group.findFirstOrThrow({ orderBy: { id: "desc" } });
    lastGroup = { id: group.id, name: group.name };
    const app = await f.db.app.findFirstOrThrow({ orderBy: { id: "desc" } });
    lastApp = { clientId: app.clientId, label: app.label };
    const [users, groups, apps] = await Promise.all([firstPage("/api/v1/users"), firstPage("/api/v1/groups"), firstPage("/api/v1/apps")]);
    // What the old pickers offered: the last entries were not among them.
    expect(users).not.toContain(lastUser.id);
    expect(groups).not.toContain(lastGroup.id);
    expect(apps).not.toContain(app.id);
    firstPageUser = users[1]!;
    policyId = (await f.db.policy.findFirstOrThrow({ where: { authServerId: "default" } })).id;
  }, 300_000);

  afterAll(async () => {
    await f?.close();
  });

  it("loads the chosen entries by id whatever their position, in the order asked, and keeps unknown ids", async () => {
    const userIds = (await f.db.user.findMany({ select: { id: true }, orderBy: { id: "desc" }, take: 45 })).map((u) => u.id);
    const users = await loadPickerSelection(call, "user", [...userIds, "00uNoSuchUser0000000"]);
    expect([...users.keys()]).toEqual([...userIds, "00uNoSuchUser0000000"]);
    expect(users.get(lastUser.id)).toEqual({ value: lastUser.id, label: lastUser.login, detail: expect.stringMatching(/^Picker Number \d{3} · STAGED$/) });
    expect([...users.values()].filter((o) => o.missing)).toEqual([{ value: "00uNoSuchUser0000000", label: "00uNoSuchUser0000000", missing: true }]);
    expect((await loadPickerSelection(call, "group", [lastGroup.id])).get(lastGroup.id)).toEqual({ value: lastGroup.id, label: lastGroup.name });
    expect((await loadPickerSelection(call, "client", [lastApp.clientId])).get(lastApp.clientId)).toEqual({ value: lastApp.clientId, label: lastApp.label, detail: lastApp.clientId });
    expect((await loadPickerSelection(call, "user", [])).size).toBe(0);
  });

  it("type-ahead runs the API's q search: finds an entry beyond the first page; okta-group leaves Everyone out", async () => {
    const userSearch = await searchPickerOptions(call, { kind: "user", query: lastUser.login.slice(0, 10) });
    expect(userSearch).toEqual({ ok: true, options: [expect.objectContaining({ value: lastUser.id, label: lastUser.login })] });
    const groupSearch = await searchPickerOptions(call, { kind: "group", query: lastGroup.name });
    expect(groupSearch).toEqual({ ok: true, options: [{ value: lastGroup.id, label: lastGroup.name }] });
    const appSearch = await searchPickerOptions(call, { kind: "client", query: lastApp.label.toUpperCase() });
    expect(appSearch).toEqual({ ok: true, options: [{ value: lastApp.clientId, label: lastApp.label, detail: lastApp.clientId }] });
    const everyone = await searchPickerOptions(call, { kind: "group", query: "every" });
    expect(everyone.ok && everyone.options.map((o) => o.label)).toEqual(["Everyone"]);
    expect(await searchPickerOptions(call, { kind: "okta-group", query: "every" })).toEqual({ ok: true, options: [] });
    const browse = await searchPickerOptions(call, { kind: "user", query: "picker." });
    expect(browse.ok && browse.options).toHaveLength(10);
    expect(await searchPickerOptions(call, { kind: "everything", query: "" })).toEqual({ ok: false, error: "The search could not be read." });
    expect(await searchPickerOptions(call, [{}])).toEqual({ ok: false, error: "The search could not be read." });
  });

  it("a rule naming user and group #205 saved unchanged from its rendered form stays identical", async () => {
    const rule = await created(`${AS}/policies/${policyId}/rules`, {
      type: "RESOURCE_ACCESS",
      name: "Late entries",
      conditions: {
        people: { users: { include: [lastUser.id, firstPageUser], exclude: [] }, groups: { include: [lastGroup.id], exclude: [] } },
        grantTypes: { include: ["authorization_code"] },
        scopes: { include: ["openid", "email"] },
      },
      actions: { token: { accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
    });
    const ruleId = rule.id as string;
    const before = (await f.api("GET", `${AS}/policies/${policyId}/rules/${ruleId}`)).body as RuleJson & { lastUpdated: string };
    const people = await loadRulePeople(call, [before]);
    const markup = renderToStaticMarkup(createElement(RuleFields, { rule: before, prefix: "rule", people, scopes: ["openid", "email", "profile"] }));
    expect(markup).toContain(lastUser.login);
    expect(markup).toContain(lastGroup.name);
    const form = formFieldsFromMarkup(markup);
    expect(form.includeUsers).toEqual([lastUser.id, firstPageUser]);
    expect(form.includeGroups).toBe(lastGroup.id);
    f.clock.advance(60_000);
    const result = await act(f, cookie, "rule.update", { ...form, authServerId: "default", policyId, ruleId });
    expect(result).toMatchObject({ ok: true });
    const after = (await f.api("GET", `${AS}/policies/${policyId}/rules/${ruleId}`)).body as typeof before;
    expect({ ...after, lastUpdated: undefined }).toEqual({ ...before, lastUpdated: undefined });
  });

  it("a policy assigned to app #205 saved unchanged from its rendered form keeps its client", async () => {
    const policy = (await f.api("GET", `${AS}/policies/${policyId}`)).body as PolicyJson & { type: string };
    const put = await f.api("PUT", `${AS}/policies/${policyId}`, { ...policy, conditions: { clients: { include: [lastApp.clientId] } } });
    expect(put.status).toBe(200);
    const before = put.body as PolicyJson & { lastUpdated: string };
    const clients = await loadPolicyClients(call, [before]);
    const form = formFieldsFromMarkup(renderToStaticMarkup(createElement(PolicyFields, { policy: before, prefix: "policy", clients })));
    expect(form).toMatchObject({ clientsMode: "SELECTED", clients: lastApp.clientId });
    f.clock.advance(60_000);
    expect(await act(f, cookie, "policy.update", { ...form, authServerId: "default", policyId })).toMatchObject({ ok: true });
    const after = (await f.api("GET", `${AS}/policies/${policyId}`)).body as typeof before;
    expect({ ...after, lastUpdated: undefined }).toEqual({ ...before, lastUpdated: undefined });
  });
});
