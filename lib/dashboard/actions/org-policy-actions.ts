import { enforceTargetRules } from "../../admin-roles/check-target-rules";
import { runCreateOrgPolicy } from "../../admin/org-policies/create-org-policy";
import { runCreateOrgPolicyRule } from "../../admin/org-policies/create-org-policy-rule";
import { runDeleteOrgPolicy } from "../../admin/org-policies/delete-org-policy";
import { runDeleteOrgPolicyRule } from "../../admin/org-policies/delete-org-policy-rule";
import { runGetOrgPolicy } from "../../admin/org-policies/get-org-policy";
import { runGetOrgPolicyRule } from "../../admin/org-policies/get-org-policy-rule";
import type { OrgPolicyBody } from "../../admin/org-policies/org-policy-input";
import type { OrgPolicyRuleBody } from "../../admin/org-policies/org-policy-rule-input";
import { runReplaceOrgPolicy } from "../../admin/org-policies/replace-org-policy";
import { runReplaceOrgPolicyRule } from "../../admin/org-policies/replace-org-policy-rule";
import { runActivateOrgPolicyRule, runDeactivateOrgPolicyRule } from "../../admin/org-policies/set-org-policy-rule-status";
import { runActivateOrgPolicy, runDeactivateOrgPolicy } from "../../admin/org-policies/set-org-policy-status";
import type { OperationContext } from "../../admin/admin-request";
import { runAssignAppAccessPolicy } from "../../admin/apps/assign-app-access-policy";
import { runFindAppsByClientId } from "../../admin/apps/find-apps-by-client-id";
import { callOperation } from "../call-operation";
import type { AdminCall } from "../dashboard-context";
import { checked, numberField, optionalText, text, values, type FormInput } from "../form-input";
import { FACTOR_KEYS } from "../org-policy-options";
import { failure, idParam, invalid, outcome } from "./outcome";
import type { DashboardAction } from "./types";

/** The policy list of a type, and one policy's page. */
export const orgPoliciesPage = (type: string) =>
  type === "MFA_ENROLL" ? "/admin/sign-on-policies/enrollment" : type === "ACCESS_POLICY" ? "/admin/sign-on-policies/authentication" : "/admin/sign-on-policies";
export const orgPolicyPage = (policyId: string) => `/admin/sign-on-policies/${policyId}`;

const policyId = (form: FormInput) => idParam(text(form, "policyId"));
const ruleId = (form: FormInput) => idParam(text(form, "ruleId"));

/**
 * The policy form: name, description, the groups it applies to (none: everyone), and for an
 * enrollment policy each factor's requirement (`factor.<key>`). The default policy's form has no
 * group field: it applies to everyone.
 */
export function orgPolicyBody(form: FormInput, type: string): OrgPolicyBody {
  return {
    type,
    name: text(form, "name"),
    description: optionalText(form, "description"),
    conditions: { people: { groups: { include: values(form, "groups") } } },
    ...(type === "MFA_ENROLL" ? { settings: { type: "FACTORS", factors: Object.fromEntries(FACTOR_KEYS.map((key) => [key, { enroll: { self: text(form, `factor.${key}`) || "NOT_ALLOWED" } }])) } } : {}),
  };
}

/**
 * The rule form: people (users and groups included, none: everyone, and excluded), and the
 * actions of the policy's type: for a sign-on rule access, the factor requirement (prompt mode and
 * lifetime only when a factor is required) and the session limits; for an enrollment rule when to
 * enroll; for an authentication (ACCESS_POLICY) rule access, the factors (1FA or 2FA) and
 * reauthenticateIn (blank: none). The default rule's form has no people fields: it applies to everyone.
 */
export function orgRuleBody(form: FormInput, type: string): OrgPolicyRuleBody {
  const requireFactor = checked(form, "requireFactor");
  const reauthenticateIn = optionalText(form, "reauthenticateIn")?.trim();
  return {
    name: text(form, "name"),
    conditions: {
      people: {
        users: { include: values(form, "includeUsers"), exclude: values(form, "excludeUsers") },
        groups: { include: values(form, "includeGroups"), exclude: values(form, "excludeGroups") },
      },
      network: networkCondition(form),
    },
    actions:
      type === "MFA_ENROLL"
        ? { enroll: { self: text(form, "enrollSelf") } }
        : type === "ACCESS_POLICY"
          ? { appSignOn: { access: text(form, "access"), verificationMethod: { factorMode: text(form, "factorMode"), type: "ASSURANCE", ...(reauthenticateIn ? { reauthenticateIn } : {}) } } }
          : {
            signon: {
              access: text(form, "access"),
              requireFactor,
              factorPromptMode: requireFactor ? text(form, "factorPromptMode") : null,
              factorLifetime: requireFactor ? numberField(form, "factorLifetime") : null,
              rememberDeviceByDefault: checked(form, "rememberDeviceByDefault"),
              session: {
                maxSessionIdleMinutes: numberField(form, "maxSessionIdleMinutes"),
                maxSessionLifetimeMinutes: numberField(form, "maxSessionLifetimeMinutes"),
                usePersistentCookie: checked(form, "usePersistentCookie"),
              },
            },
          },
  };
}

/**
 * The rule form's network condition: `network` ANYWHERE (or absent: the default rule's form), or
 * INCLUDE / EXCLUDE with the chosen `zones` (the API refuses a ZONE condition without zones).
 */
export function networkCondition(form: FormInput): NonNullable<OrgPolicyRuleBody["conditions"]>["network"] {
  const mode = text(form, "network");
  if (mode !== "INCLUDE" && mode !== "EXCLUDE") return { connection: "ANYWHERE" };
  return mode === "INCLUDE" ? { connection: "ZONE", include: values(form, "zones") } : { connection: "ZONE", exclude: values(form, "zones") };
}

/** Moves a policy or rule one place up or down: a replace of what it is with the neighbouring priority (the API keeps the default last). */
async function move(call: AdminCall, form: FormInput, kind: "policy" | "rule") {
  const delta = text(form, "direction") === "up" ? -1 : 1;
  const next = (priority: number) => Math.max(1, priority + delta);
  if (kind === "policy") {
    const current = await callOperation(call, (ctx) => runGetOrgPolicy(ctx, policyId(form)));
    if (!current.ok) return failure(current);
    const priority = next(current.value.priority);
    const result = await callOperation(call, (ctx) => runReplaceOrgPolicy(ctx, current.value.id, () => ({ ...current.value, priority })));
    return outcome(result, (policy) => `Moved policy "${policy.name}" to priority ${policy.priority}.`);
  }
  const current = await callOperation(call, (ctx) => runGetOrgPolicyRule(ctx, policyId(form), ruleId(form)));
  if (!current.ok) return failure(current);
  const priority = next(current.value.priority);
  const result = await callOperation(call, (ctx) => runReplaceOrgPolicyRule(ctx, policyId(form), current.value.id, () => ({ ...current.value, priority })));
  return outcome(result, (rule) => `Moved rule "${rule.name}" to priority ${rule.priority}.`);
}

/** Creates or saves a rule from the form of its policy's type (read first: the form's fields depend on it). */
async function withPolicyType(call: AdminCall, form: FormInput, write: (type: string) => (ctx: OperationContext) => Promise<{ name: string }>, verb: string) {
  const policy = await callOperation(call, (ctx) => runGetOrgPolicy(ctx, policyId(form)));
  if (!policy.ok) return failure(policy);
  return outcome(await callOperation(call, write(policy.value.type)), (rule) => `${verb} rule "${rule.name}".`);
}

export const orgPolicyActions: Record<string, DashboardAction> = {
  "orgPolicy.create": async (call, form) => {
    const type = text(form, "type");
    const result = await callOperation(call, (ctx) => runCreateOrgPolicy(ctx, () => orgPolicyBody(form, type)));
    return outcome(result, (policy) => `Created policy "${policy.name}".`, (policy) => orgPolicyPage(policy.id));
  },
  "orgPolicy.update": async (call, form) => {
    const current = await callOperation(call, (ctx) => runGetOrgPolicy(ctx, policyId(form)));
    if (!current.ok) return failure(current);
    const result = await callOperation(call, (ctx) => runReplaceOrgPolicy(ctx, current.value.id, () => orgPolicyBody(form, current.value.type)));
    return outcome(result, (policy) => `Saved policy "${policy.name}".`);
  },
  "orgPolicy.delete": async (call, form) => {
    const current = await callOperation(call, (ctx) => runGetOrgPolicy(ctx, policyId(form)));
    if (!current.ok) return failure(current);
    return outcome(await callOperation(call, (ctx) => runDeleteOrgPolicy(ctx, current.value.id)), `Deleted policy "${current.value.name}".`, orgPoliciesPage(current.value.type));
  },
  "orgPolicy.activate": async (call, form) => outcome(await callOperation(call, (ctx) => runActivateOrgPolicy(ctx, policyId(form))), "Activated the policy."),
  "orgPolicy.deactivate": async (call, form) => outcome(await callOperation(call, (ctx) => runDeactivateOrgPolicy(ctx, policyId(form))), "Deactivated the policy."),
  "orgPolicy.move": (call, form) => move(call, form, "policy"),

  "orgRule.create": (call, form) => withPolicyType(call, form, (type) => (ctx) => runCreateOrgPolicyRule(ctx, policyId(form), () => orgRuleBody(form, type)), "Created"),
  "orgRule.update": (call, form) => withPolicyType(call, form, (type) => (ctx) => runReplaceOrgPolicyRule(ctx, policyId(form), ruleId(form), () => orgRuleBody(form, type)), "Saved"),
  "orgRule.delete": async (call, form) => outcome(await callOperation(call, (ctx) => runDeleteOrgPolicyRule(ctx, policyId(form), ruleId(form))), "Deleted the rule."),
  "orgRule.activate": async (call, form) => outcome(await callOperation(call, (ctx) => runActivateOrgPolicyRule(ctx, policyId(form), ruleId(form))), "Activated the rule."),
  "orgRule.deactivate": async (call, form) => outcome(await callOperation(call, (ctx) => runDeactivateOrgPolicyRule(ctx, policyId(form), ruleId(form))), "Deactivated the rule."),
  "orgRule.move": (call, form) => move(call, form, "rule"),

  /**
   * Assigns the app chosen by client_id (the app picker's value) to the authentication policy: the
   * Apps API's PUT /api/v1/apps/{appId}/policies/{policyId}, which refuses a policy of another type
   * or an INACTIVE one; an app holding admin roles or okta.* grants is a SUPER_ADMIN's (target rules).
   */
  "accessPolicy.assignApp": async (call, form) => {
    const clientId = text(form, "clientId");
    if (!clientId) return invalid("Choose an app.", ["clientId: Choose the app to assign to this policy."]);
    const found = await callOperation(call, (ctx) => runFindAppsByClientId(ctx, [clientId]));
    if (!found.ok) return failure(found);
    const app = found.value[0];
    if (!app) return invalid("Choose an app.", [`clientId: No app has the client id ${clientId}.`]);
    // the app's target rule, as the API's route applies it (an app holding roles or grants: SUPER_ADMIN's)
    const allowed = await callOperation(call, (ctx) => enforceTargetRules(ctx.db, ctx, { type: "app", appId: app.id }, ctx.now()));
    if (!allowed.ok) return failure(allowed);
    const result = await callOperation(call, (ctx) => runAssignAppAccessPolicy(ctx, app.id, policyId(form)));
    return outcome(result, `Assigned ${app.label} to this policy.`);
  },
};
