import type { OrgPolicy } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";
import { FACTOR_KEYS, type FactorSettings } from "../../sign-on-policies/org-policy-types";

export const orgPolicyPath = (policyId: string) => `/api/v1/policies/${policyId}`;

/**
 * The Policy object of Okta's API (spec: Policy object, Links object; SDK: OktaSignOnPolicy,
 * AuthenticatorEnrollmentPolicy with settings type FACTORS, AccessPolicy). The default (system) policy can be
 * neither deleted nor deactivated, so its links offer neither.
 */
export function orgPolicyJson(orgUrl: string, policy: OrgPolicy) {
  const base = orgPolicyPath(policy.id);
  const settings = policy.settings as FactorSettings | null;
  return {
    type: policy.type,
    id: policy.id,
    status: policy.status,
    name: policy.name,
    description: policy.description,
    priority: policy.priority,
    system: policy.system,
    // an ACCESS_POLICY's list is always empty (Okta sends null: it has no conditions of its own)
    conditions: { people: { groups: { include: [...(policy.groupsInclude as string[])] } } },
    ...(settings
      ? { settings: { type: "FACTORS", factors: Object.fromEntries(FACTOR_KEYS.map((key) => [key, { enroll: { self: settings[key] }, consent: { type: "NONE" } }])) } }
      : {}),
    created: isoTime(policy.created),
    lastUpdated: isoTime(policy.lastUpdated),
    _links: {
      self: link(orgUrl, base, policy.system ? ["GET", "PUT"] : ["GET", "PUT", "DELETE"]),
      ...(policy.system ? {} : policy.status === "ACTIVE" ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) } : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]) }),
      rules: link(orgUrl, `${base}/rules`, ["GET", "POST"]),
    },
  };
}
