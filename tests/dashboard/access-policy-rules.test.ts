import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrgPolicyFields, OrgRuleFields, ruleSummary, type OrgPolicyJson, type OrgRuleJson } from "@/app/admin/sign-on-policies/_forms";
import type { AdminCall } from "@/lib/dashboard/dashboard-context";
import type { FormInput } from "@/lib/dashboard/form-input";
import { loadRulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { readLogEvent } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { act, adminCallOf, adminUserId, createPlainUser, sessionCookie } from "./dashboard-fixture";
import { formFieldsFromMarkup } from "./form-fields-from-markup";

const POLICIES = "/api/v1/policies";
const stable = <T extends object>(value: T) => ({ ...value, lastUpdated: undefined });

/**
 * The dashboard's app authentication policies (ACCESS_POLICY), through its own actions and the
 * forms it renders: create a policy, rules with access, factor mode, reauthenticateIn, people and
 * zones, reorder, save unchanged, delete; assign an app. Everything lands as the Policy API stores
 * it (the same typed operations). Both databases.
 */
describe.each(testProviders())("dashboard app authentication policies on %s", (provider) => {
  let f: AdminFixture;
  let cookie: string;
  let adminId: string;
  let call: AdminCall;
  let userId: string;
  let groupId: string;
  let zoneId: string;
  let policyId: string;
  let app: { id: string; clientId: string };

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    adminId = await adminUserId(f);
    cookie = await sessionCookie(f, adminId);
    call = await adminCallOf(f, cookie);
    userId = await createPlainUser(f, "contractor@example.com");
    groupId = (await f.api("POST", "/api/v1/groups", { profile: { name: "Contractors" } })).body.id;
    zoneId = (await f.api("POST", "/api/v1/zones", { type: "IP", name: "Office", gateways: [{ type: "CIDR", value: "203.0.113.0/24" }] })).body.id;
    const created = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Vault",
      signOnMode: "OPENID_CONNECT",
      settings: { oauthClient: { application_type: "web", redirect_uris: ["https://vault.example.com/cb"] } },
    });
    app = { id: created.body.id, clientId: created.body.credentials.oauthClient.client_id };
  });
  afterAll(() => f.close());

  const rules = async () => (await f.api("GET", `${POLICIES}/${policyId}/rules`)).body as OrgRuleJson[];
  const newRuleForm = () => formFieldsFromMarkup(renderToStaticMarkup(createElement(OrgRuleFields, { type: "ACCESS_POLICY", prefix: "n", zones: [{ value: zoneId, label: "Office" }] })));
  const ruleForm = async (rule: OrgRuleJson) =>
    formFieldsFromMarkup(renderToStaticMarkup(createElement(OrgRuleFields, { rule, type: "ACCESS_POLICY", prefix: "r", people: await loadRulePeople(call, [rule]), zones: [{ value: zoneId, label: "Office" }] })));

  it("creates an authentication policy from the list page's form: ACTIVE, with its Catch-all Rule, logged with the admin as actor", async () => {
    const form = formFieldsFromMarkup(renderToStaticMarkup(createElement(OrgPolicyFields, { type: "ACCESS_POLICY", prefix: "p" })));
    expect(form.groups).toBeUndefined();
    const result = await act(f, cookie, "orgPolicy.create", { ...form, type: "ACCESS_POLICY", name: "Vault policy", description: "Secrets" });
    const policy = ((await f.api("GET", `${POLICIES}?type=ACCESS_POLICY`)).body as OrgPolicyJson[]).find((p) => p.name === "Vault policy")!;
    policyId = policy.id;
    expect(result).toEqual({ ok: true, notice: 'Created policy "Vault policy".', redirectTo: `/admin/sign-on-policies/${policyId}` });
    expect(policy).toMatchObject({ type: "ACCESS_POLICY", status: "ACTIVE", system: false, description: "Secrets" });
    expect(await rules()).toMatchObject([{ name: "Catch-all Rule", system: true, actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } } }]);
    expect(await readLogEvent(f.db, { where: { eventType: "policy.lifecycle.create" }, orderBy: { published: "desc" } })).toMatchObject({ actorId: adminId, displayMessage: "Create policy Vault policy" });
  });

  it("creates a DENY rule for a group outside a zone, and an ALLOW rule with two factors and reauthenticateIn, from the new-rule form", async () => {
    const deny: FormInput = { ...newRuleForm(), policyId, name: "Contractors outside the office", includeGroups: [groupId], network: "EXCLUDE", zones: [zoneId], access: "DENY" };
    expect(await act(f, cookie, "orgRule.create", deny)).toEqual({ ok: true, notice: 'Created rule "Contractors outside the office".' });
    const strict: FormInput = { ...newRuleForm(), policyId, name: "Everyone but one: two factors, recent", excludeUsers: [userId], factorMode: "2FA", reauthenticateIn: " PT2H " };
    expect(await act(f, cookie, "orgRule.create", strict)).toEqual({ ok: true, notice: 'Created rule "Everyone but one: two factors, recent".' });
    const [first, second, catchAll] = await rules();
    expect(first).toMatchObject({
      type: "ACCESS_POLICY",
      name: "Contractors outside the office",
      priority: 1,
      status: "ACTIVE",
      conditions: { people: { users: { include: [], exclude: [] }, groups: { include: [groupId], exclude: [] } }, network: { connection: "ZONE", exclude: [zoneId] } },
      actions: { appSignOn: { access: "DENY", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } },
    });
    expect(second).toMatchObject({
      name: "Everyone but one: two factors, recent",
      priority: 2,
      conditions: { people: { users: { include: [], exclude: [userId] } }, network: { connection: "ANYWHERE" } },
      actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT2H" } } },
    });
    expect(catchAll).toMatchObject({ system: true, priority: 3 });
    expect([first, second, catchAll].map((rule) => ruleSummary(rule!))).toEqual(["Access denied", "Two factors; sign in again after PT2H", "Any one factor"]);
    expect(await readLogEvent(f.db, { where: { eventType: "policy.rule.add" }, orderBy: { published: "desc" } })).toMatchObject({ actorId: adminId });
  });

  it("every rule saved unchanged from its rendered edit form stays identical (the Catch-all Rule too)", async () => {
    for (const rule of await rules()) {
      const form = await ruleForm(rule);
      if (rule.system) expect(form.includeUsers).toBeUndefined();
      f.clock.advance(60_000);
      expect(await act(f, cookie, "orgRule.update", { ...form, policyId, ruleId: rule.id })).toEqual({ ok: true, notice: `Saved rule "${rule.name}".` });
      expect(stable((await f.api("GET", `${POLICIES}/${policyId}/rules/${rule.id}`)).body)).toEqual(stable(rule));
    }
  });

  it("edits a rule: ALLOW with one factor and no reauthenticateIn", async () => {
    const [, second] = await rules();
    const form = { ...(await ruleForm(second!)), policyId, ruleId: second!.id, factorMode: "1FA", reauthenticateIn: "" };
    expect(await act(f, cookie, "orgRule.update", form)).toEqual({ ok: true, notice: `Saved rule "${second!.name}".` });
    const after = (await f.api("GET", `${POLICIES}/${policyId}/rules/${second!.id}`)).body as OrgRuleJson;
    expect(after.actions).toEqual({ appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } });
  });

  it("refuses what the API refuses, with its causes: an unreadable reauthenticateIn, a zone condition without zones", async () => {
    const before = await rules();
    expect(await act(f, cookie, "orgRule.create", { ...newRuleForm(), policyId, name: "Broken", reauthenticateIn: "2 hours" })).toEqual({
      ok: false,
      error: "Api validation failed: actions.appSignOn.verificationMethod.reauthenticateIn",
      causes: [expect.stringMatching(/^actions\.appSignOn\.verificationMethod\.reauthenticateIn: Must be an ISO 8601 duration/)],
    });
    expect(await act(f, cookie, "orgRule.create", { ...newRuleForm(), policyId, name: "No zones", network: "INCLUDE" })).toMatchObject({ ok: false, causes: [expect.stringContaining("include or exclude network zones")] });
    expect(await rules()).toEqual(before);
  });

  it("moves, deactivates and deletes rules; the Catch-all Rule stays last", async () => {
    const [first, second] = await rules();
    expect(await act(f, cookie, "orgRule.move", { policyId, ruleId: second!.id, direction: "up" })).toEqual({ ok: true, notice: `Moved rule "${second!.name}" to priority 1.` });
    expect((await rules()).map((rule) => rule.name)).toEqual([second!.name, first!.name, "Catch-all Rule"]);
    expect(await act(f, cookie, "orgRule.move", { policyId, ruleId: first!.id, direction: "down" })).toEqual({ ok: true, notice: `Moved rule "${first!.name}" to priority 2.` });
    expect((await rules()).map((rule) => rule.name)).toEqual([second!.name, first!.name, "Catch-all Rule"]);
    expect(await act(f, cookie, "orgRule.deactivate", { policyId, ruleId: first!.id })).toEqual({ ok: true, notice: "Deactivated the rule." });
    expect((await rules())[1]).toMatchObject({ status: "INACTIVE" });
    expect(await act(f, cookie, "orgRule.delete", { policyId, ruleId: second!.id })).toEqual({ ok: true, notice: "Deleted the rule." });
    expect((await rules()).map((rule) => rule.name)).toEqual([first!.name, "Catch-all Rule"]);
  });

  it("accessPolicy.assignApp: the chosen app follows the policy (its _links.accessPolicy), logged; refusals as data", async () => {
    expect(await act(f, cookie, "accessPolicy.assignApp", { policyId, clientId: app.clientId })).toEqual({ ok: true, notice: "Assigned Vault to this policy." });
    expect((await f.api("GET", `/api/v1/apps/${app.id}`)).body._links.accessPolicy).toEqual({ href: `http://idp.test${POLICIES}/${policyId}` });
    expect((await f.api("GET", `${POLICIES}/${policyId}/app`)).body.map((listed: { id: string }) => listed.id)).toEqual([app.id]);
    expect(await readLogEvent(f.db, { where: { eventType: "application.lifecycle.update" }, orderBy: { published: "desc" } })).toMatchObject({
      actorId: adminId,
      displayMessage: "Assigned application Vault to authentication policy Vault policy",
    });

    expect(await act(f, cookie, "accessPolicy.assignApp", { policyId })).toEqual({ ok: false, error: "Choose an app.", causes: ["clientId: Choose the app to assign to this policy."] });
    expect(await act(f, cookie, "accessPolicy.assignApp", { policyId, clientId: "0oaNoSuchClient00000" })).toEqual({ ok: false, error: "Choose an app.", causes: ["clientId: No app has the client id 0oaNoSuchClient00000."] });
    const signOn = ((await f.api("GET", `${POLICIES}?type=OKTA_SIGN_ON`)).body as OrgPolicyJson[])[0]!;
    expect(await act(f, cookie, "accessPolicy.assignApp", { policyId: signOn.id, clientId: app.clientId })).toMatchObject({ ok: false, causes: [expect.stringContaining("can only be assigned to an ACCESS_POLICY")] });
    expect((await f.api("GET", `/api/v1/apps/${app.id}`)).body._links.accessPolicy.href).toBe(`http://idp.test${POLICIES}/${policyId}`);
  });

  it("a policy with apps cannot be deactivated; back on the default policy, it can, and is deleted", async () => {
    expect(await act(f, cookie, "orgPolicy.deactivate", { policyId })).toMatchObject({ ok: false });
    const defaultPolicy = ((await f.api("GET", `${POLICIES}?type=ACCESS_POLICY`)).body as OrgPolicyJson[]).find((p) => p.system)!;
    expect(await act(f, cookie, "accessPolicy.assignApp", { policyId: defaultPolicy.id, clientId: app.clientId })).toEqual({ ok: true, notice: "Assigned Vault to this policy." });
    expect(await act(f, cookie, "orgPolicy.deactivate", { policyId })).toEqual({ ok: true, notice: "Deactivated the policy." });
    expect(await act(f, cookie, "orgPolicy.delete", { policyId })).toEqual({ ok: true, notice: 'Deleted policy "Vault policy".', redirectTo: "/admin/sign-on-policies/authentication" });
    expect((await f.api("GET", `${POLICIES}/${policyId}`)).status).toBe(404);
  });
});
