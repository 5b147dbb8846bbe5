import type { OrgPolicyRule } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";
import type { OrgRuleActions, OrgRuleConditions } from "../../sign-on-policies/org-policy-types";
import { orgPolicyPath } from "./org-policy-json";

/**
 * The Rules object of Okta's API (spec: Rules object; SDK: OktaSignOnPolicyRule,
 * AuthenticatorEnrollmentPolicyRule, AccessPolicyRule). factorPromptMode and factorLifetime appear when requireFactor
 * is true. The default (system) rule can be neither deleted nor deactivated: its links offer neither.
 */
export function orgPolicyRuleJson(orgUrl: string, rule: OrgPolicyRule) {
  const base = `${orgPolicyPath(rule.policyId)}/rules/${rule.id}`;
  const conditions = rule.conditions as OrgRuleConditions;
  const actions = rule.actions as OrgRuleActions;
  return {
    type: rule.type,
    id: rule.id,
    status: rule.status,
    name: rule.name,
    priority: rule.priority,
    system: rule.system,
    created: isoTime(rule.created),
    lastUpdated: isoTime(rule.lastUpdated),
    conditions: {
      people: {
        users: { include: [...conditions.people.users.include], exclude: [...conditions.people.users.exclude] },
        groups: { include: [...conditions.people.groups.include], exclude: [...conditions.people.groups.exclude] },
      },
      network: conditions.network.connection === "ZONE" ? zoneCondition(conditions.network) : { connection: "ANYWHERE" },
    },
    actions: actionsJson(actions),
    _links: {
      self: link(orgUrl, base, rule.system ? ["GET", "PUT"] : ["GET", "PUT", "DELETE"]),
      ...(rule.system ? {} : rule.status === "ACTIVE" ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) } : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]) }),
    },
  };
}

/** A ZONE condition names the zones of one list; Okta leaves the other one out. */
function zoneCondition(network: Extract<OrgRuleConditions["network"], { connection: "ZONE" }>) {
  return network.include.length > 0 ? { connection: "ZONE", include: [...network.include] } : { connection: "ZONE", exclude: [...network.exclude] };
}

function actionsJson(actions: OrgRuleActions) {
  if ("signon" in actions) return { signon: signonJson(actions.signon) };
  if ("appSignOn" in actions) {
    const { access, verificationMethod } = actions.appSignOn;
    const { factorMode, type, reauthenticateIn } = verificationMethod;
    return { appSignOn: { access, verificationMethod: { factorMode, type, ...(reauthenticateIn !== undefined ? { reauthenticateIn } : {}) } } };
  }
  return { enroll: { self: actions.enroll.self } };
}

function signonJson(signon: Extract<OrgRuleActions, { signon: unknown }>["signon"]) {
  const { factorPromptMode, factorLifetime, ...rest } = signon;
  return {
    access: rest.access,
    requireFactor: rest.requireFactor,
    ...(rest.requireFactor ? { factorPromptMode, factorLifetime } : {}),
    rememberDeviceByDefault: rest.rememberDeviceByDefault,
    session: { ...rest.session },
  };
}
