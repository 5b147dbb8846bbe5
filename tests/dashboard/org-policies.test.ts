import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrgPolicyFields, OrgRuleFields, type OrgPolicyJson, type OrgRuleJson } from "@/app/admin/sign-on-policies/_forms";
import type { AdminCall } from "@/lib/dashboard/dashboard-context";
import type { FormInput } from "@/lib/dashboard/form-input";
import { loadPickerSelection } from "@/lib/dashboard/pickers/load-picker-selection";
import { loadRulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { readLogEvent } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { act, adminCallOf, adminUserId, createPlainUser, sessionCookie } from "./dashboard-fixture";
import { formFieldsFromMarkup } from "./form-fields-from-markup";

const POLICIES = "/api/v1/policies";
const stable = <T extends object>(value: T) => ({ ...value, lastUpdated: undefined });

describe.each(testProviders())("dashboard sign-on and enrollment policies on %s", (provider) => {
  let f: AdminFixture;
  let cookie: string;
  let adminId: string;
  let call: AdminCall;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    adminId = await adminUserId(f);
    cookie = await sessionCookie(f, adminId);
    call = await adminCallOf(f, cookie);
    userId = await createPlainUser(f, "contractor@example.com");
    groupId = (await f.api("POST", "/api/v1/groups", { profile: { name: "Contractors" } })).body.id;
  });
  afterAll(() => f.close());

  const list = async (type: string) => (await f.api("GET", `${POLICIES}?type=${type}`)).body as OrgPolicyJson[];
  const rules = async (policyId: string) => (await f.api("GET", `${POLICIES}/${policyId}/rules`)).body as OrgRuleJson[];
  const policyForm = async (policy: OrgPolicyJson) =>
    formFieldsFromMarkup(
      renderToStaticMarkup(createElement(OrgPolicyFields, { policy, type: policy.type as "OKTA_SIGN_ON", prefix: "p", groups: await loadPickerSelection(call, "group", policy.conditions.people.groups.include) })),
    );
  const ruleForm = async (rule: OrgRuleJson, type: "OKTA_SIGN_ON" | "MFA_ENROLL") =>
    formFieldsFromMarkup(renderToStaticMarkup(createElement(OrgRuleFields, { rule, type, prefix: "r", people: await loadRulePeople(call, [rule]) })));
  const newRuleForm = (type: "OKTA_SIGN_ON" | "MFA_ENROLL") => formFieldsFromMarkup(renderToStaticMarkup(createElement(OrgRuleFields, { type, prefix: "n" })));

  it("creates a sign-on policy for a group, placed before the default one, logged with the admin as actor", async () => {
    const result = await act(f, cookie, "orgPolicy.create", { type: "OKTA_SIGN_ON", name: "Contractors need MFA", description: "Outside staff", groups: [groupId] });
    const [created, defaultPolicy] = await list("OKTA_SIGN_ON");
    expect(result).toEqual({ ok: true, notice: 'Created policy "Contractors need MFA".', redirectTo: `/admin/sign-on-policies/${created!.id}` });
    expect(created).toMatchObject({ type: "OKTA_SIGN_ON", name: "Contractors need MFA", description: "Outside staff", status: "ACTIVE", priority: 1, system: false, conditions: { people: { groups: { include: [groupId] } } } });
    expect(defaultPolicy).toMatchObject({ system: true, priority: 2 });
    const event = await readLogEvent(f.db, { where: { eventType: "policy.lifecycle.create" }, orderBy: { published: "desc" } });
    expect(event).toMatchObject({ actorId: adminId, displayMessage: "Create policy Contractors need MFA", outcomeResult: "SUCCESS" });
  });

  it("creates a sign-on rule that requires a factor from the new-rule form, as the API stores it", async () => {
    const [policy] = await list("OKTA_SIGN_ON");
    const form: FormInput = {
      ...newRuleForm("OKTA_SIGN_ON"),
      policyId: policy!.id,
      name: "Everyone but one: TOTP every sign-in",
      excludeUsers: [userId],
      requireFactor: "true",
      factorPromptMode: "SESSION",
      factorLifetime: "30",
      rememberDeviceByDefault: "true",
      maxSessionIdleMinutes: "60",
      maxSessionLifetimeMinutes: "480",
    };
    expect(await act(f, cookie, "orgRule.create", form)).toEqual({ ok: true, notice: 'Created rule "Everyone but one: TOTP every sign-in".' });
    // a policy other than the default has no default rule: this is its only one
    const [rule, ...others] = await rules(policy!.id);
    expect(others).toEqual([]);
    expect(rule).toMatchObject({
      type: "SIGN_ON",
      name: "Everyone but one: TOTP every sign-in",
      priority: 1,
      status: "ACTIVE",
      system: false,
      conditions: { people: { users: { include: [], exclude: [userId] }, groups: { include: [], exclude: [] } }, network: { connection: "ANYWHERE" } },
      actions: {
        signon: {
          access: "ALLOW",
          requireFactor: true,
          factorPromptMode: "SESSION",
          factorLifetime: 30,
          rememberDeviceByDefault: true,
          session: { maxSessionIdleMinutes: 60, maxSessionLifetimeMinutes: 480, usePersistentCookie: false },
        },
      },
    });
    expect(await readLogEvent(f.db, { where: { eventType: "policy.rule.add" }, orderBy: { published: "desc" } })).toMatchObject({ actorId: adminId });
  });

  it("a rule or policy saved unchanged from its rendered form stays identical (the default ones too)", async () => {
    const [policy, defaultPolicy] = await list("OKTA_SIGN_ON");
    for (const current of [policy!, defaultPolicy!]) {
      for (const rule of await rules(current.id)) {
        const form = await ruleForm(rule, "OKTA_SIGN_ON");
        if (rule.system) expect(form.includeUsers).toBeUndefined();
        f.clock.advance(60_000);
        expect(await act(f, cookie, "orgRule.update", { ...form, policyId: current.id, ruleId: rule.id })).toEqual({ ok: true, notice: `Saved rule "${rule.name}".` });
        const after = (await f.api("GET", `${POLICIES}/${current.id}/rules/${rule.id}`)).body as OrgRuleJson & { lastUpdated: string };
        expect(stable(after)).toEqual(stable(rule));
      }
      const form = await policyForm(current);
      f.clock.advance(60_000);
      expect(await act(f, cookie, "orgPolicy.update", { ...form, policyId: current.id })).toEqual({ ok: true, notice: `Saved policy "${current.name}".` });
      expect(stable((await f.api("GET", `${POLICIES}/${current.id}`)).body)).toEqual(stable(current));
    }
  });

  it("refuses what the API refuses, with its causes: a factor without a lifetime, an unknown group", async () => {
    const [policy] = await list("OKTA_SIGN_ON");
    const form = { ...newRuleForm("OKTA_SIGN_ON"), policyId: policy!.id, name: "Broken", requireFactor: "true", factorLifetime: "", maxSessionIdleMinutes: "0" };
    expect(await act(f, cookie, "orgRule.create", form)).toEqual({
      ok: false,
      error: "Api validation failed: actions.signon.session.maxSessionIdleMinutes",
      causes: ["actions.signon.session.maxSessionIdleMinutes: Must be a whole number of minutes from 1 to 129600.", "actions.signon.factorLifetime: Required when requireFactor is true."],
    });
    const unknown = await act(f, cookie, "orgPolicy.create", { type: "OKTA_SIGN_ON", name: "Ghosts", groups: ["00gNoSuchGroup000000"] });
    expect(unknown).toMatchObject({ ok: false, causes: [expect.stringContaining("00gNoSuchGroup000000")] });
    expect((await rules(policy!.id)).map((r) => r.name)).not.toContain("Broken");
  });

  it("the default policy and rule can be neither deleted nor deactivated", async () => {
    const defaultPolicy = (await list("OKTA_SIGN_ON")).find((p) => p.system)!;
    const defaultRule = (await rules(defaultPolicy.id)).find((r) => r.system)!;
    for (const [name, form] of [
      ["orgPolicy.delete", { policyId: defaultPolicy.id }],
      ["orgPolicy.deactivate", { policyId: defaultPolicy.id }],
      ["orgRule.delete", { policyId: defaultPolicy.id, ruleId: defaultRule.id }],
      ["orgRule.deactivate", { policyId: defaultPolicy.id, ruleId: defaultRule.id }],
    ] as const) {
      expect(await act(f, cookie, name, form), name).toMatchObject({ ok: false, error: expect.stringMatching(/^Api validation failed/) });
    }
    expect((await f.api("GET", `${POLICIES}/${defaultPolicy.id}`)).body).toMatchObject({ status: "ACTIVE" });
  });

  it("moves policies and rules (the last stays last, the default policy last), activates, deactivates and deletes them", async () => {
    await act(f, cookie, "orgPolicy.create", { type: "OKTA_SIGN_ON", name: "Second" });
    let [first, second] = await list("OKTA_SIGN_ON");
    expect([first!.name, second!.name]).toEqual(["Contractors need MFA", "Second"]);
    expect(await act(f, cookie, "orgPolicy.move", { policyId: second!.id, direction: "up" })).toEqual({ ok: true, notice: 'Moved policy "Second" to priority 1.' });
    expect((await list("OKTA_SIGN_ON")).map((p) => [p.name, p.priority])).toEqual([["Second", 1], ["Contractors need MFA", 2], ["Default Policy", 3]]);
    expect(await act(f, cookie, "orgPolicy.move", { policyId: first!.id, direction: "down" })).toMatchObject({ ok: true, notice: 'Moved policy "Contractors need MFA" to priority 2.' });
    expect((await list("OKTA_SIGN_ON")).at(-1)!.system).toBe(true);

    expect(await act(f, cookie, "orgPolicy.deactivate", { policyId: second!.id })).toEqual({ ok: true, notice: "Deactivated the policy." });
    expect((await f.api("GET", `${POLICIES}/${second!.id}`)).body.status).toBe("INACTIVE");
    expect(await act(f, cookie, "orgPolicy.activate", { policyId: second!.id })).toEqual({ ok: true, notice: "Activated the policy." });

    const rule = (await rules(first!.id))[0]!;
    expect(await act(f, cookie, "orgRule.deactivate", { policyId: first!.id, ruleId: rule.id })).toEqual({ ok: true, notice: "Deactivated the rule." });
    expect((await rules(first!.id))[0]!.status).toBe("INACTIVE");
    expect(await act(f, cookie, "orgRule.activate", { policyId: first!.id, ruleId: rule.id })).toEqual({ ok: true, notice: "Activated the rule." });
    expect(await act(f, cookie, "orgRule.move", { policyId: first!.id, ruleId: rule.id, direction: "down" })).toEqual({ ok: true, notice: `Moved rule "${rule.name}" to priority 1.` });
    expect(await act(f, cookie, "orgRule.delete", { policyId: first!.id, ruleId: rule.id })).toEqual({ ok: true, notice: "Deleted the rule." });
    expect(await act(f, cookie, "orgPolicy.delete", { policyId: second!.id })).toEqual({ ok: true, notice: 'Deleted policy "Second".', redirectTo: "/admin/sign-on-policies" });
    [first, second] = await list("OKTA_SIGN_ON");
    expect([first!.name, second!.system]).toEqual(["Contractors need MFA", true]);
    expect(await act(f, cookie, "orgPolicy.delete", { policyId: "00pNoSuchPolicy00000" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Not found/) });
  });

  it("manages enrollment policies: per-factor requirements and when to enroll", async () => {
    const result = await act(f, cookie, "orgPolicy.create", { type: "MFA_ENROLL", name: "Passkeys for staff", "factor.okta_otp": "OPTIONAL", "factor.google_otp": "NOT_ALLOWED", "factor.fido_webauthn": "REQUIRED" });
    expect(result).toMatchObject({ ok: true });
    const [policy] = await list("MFA_ENROLL");
    expect(policy!.settings).toEqual({
      type: "FACTORS",
      factors: {
        okta_otp: { enroll: { self: "OPTIONAL" }, consent: { type: "NONE" } },
        google_otp: { enroll: { self: "NOT_ALLOWED" }, consent: { type: "NONE" } },
        fido_webauthn: { enroll: { self: "REQUIRED" }, consent: { type: "NONE" } },
      },
    });
    expect(await act(f, cookie, "orgRule.create", { ...newRuleForm("MFA_ENROLL"), policyId: policy!.id, name: "At sign-in", enrollSelf: "LOGIN", includeGroups: [groupId] })).toMatchObject({ ok: true });
    const [rule] = await rules(policy!.id);
    expect(rule).toMatchObject({ type: "MFA_ENROLL", actions: { enroll: { self: "LOGIN" } }, conditions: { people: { groups: { include: [groupId], exclude: [] } } } });
    const form = await ruleForm(rule!, "MFA_ENROLL");
    expect(form).toMatchObject({ enrollSelf: "LOGIN", includeGroups: groupId });
    f.clock.advance(60_000);
    expect(await act(f, cookie, "orgRule.update", { ...form, policyId: policy!.id, ruleId: rule!.id })).toMatchObject({ ok: true });
    expect(stable((await rules(policy!.id))[0]!)).toEqual(stable(rule!));
    const policyFields = await policyForm(policy!);
    expect(policyFields).toMatchObject({ "factor.okta_otp": "OPTIONAL", "factor.google_otp": "NOT_ALLOWED", "factor.fido_webauthn": "REQUIRED" });
    expect(await act(f, cookie, "orgPolicy.update", { ...policyFields, "factor.okta_otp": "REQUIRED" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Not found/) });
    expect(await act(f, cookie, "orgPolicy.update", { ...policyFields, policyId: policy!.id, "factor.okta_otp": "REQUIRED" })).toMatchObject({ ok: true });
    expect((await list("MFA_ENROLL"))[0]!.settings).toMatchObject({ factors: { okta_otp: { enroll: { self: "REQUIRED" } } } });
  });
});
