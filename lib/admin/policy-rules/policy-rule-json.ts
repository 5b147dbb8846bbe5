import type { PolicyRule } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";
import type { PolicyRuleConditions } from "../../authorization-servers/policies/policy-conditions";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : DeepPartial<T[K]> };

/** The Rules Object of Okta's API (spec: "Rules Object"; SDK: AuthorizationServerPolicyRule). */
export function policyRuleJson(orgUrl: string, authServerId: string, rule: PolicyRule) {
  const base = `/api/v1/authorizationServers/${authServerId}/policies/${rule.policyId}/rules/${rule.id}`;
  // Stored in the normalized form; read defensively all the same (rows may predate this API).
  const conditions = (rule.conditions ?? {}) as DeepPartial<PolicyRuleConditions>;
  const list = (values: readonly string[] | undefined) => [...(values ?? [])];
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
        users: { include: list(conditions.people?.users?.include), exclude: list(conditions.people?.users?.exclude) },
        groups: { include: list(conditions.people?.groups?.include), exclude: list(conditions.people?.groups?.exclude) },
      },
      grantTypes: { include: list(conditions.grantTypes?.include) },
      scopes: { include: list(conditions.scopes?.include) },
    },
    actions: {
      token: {
        accessTokenLifetimeMinutes: rule.accessTokenLifetimeMinutes,
        refreshTokenLifetimeMinutes: rule.refreshTokenLifetimeMinutes,
        refreshTokenWindowMinutes: rule.refreshTokenWindowMinutes,
        // stored only as the JSON object policyRuleInput accepted
        ...(rule.inlineHook != null ? { inlineHook: rule.inlineHook as Record<string, unknown> } : {}),
      },
    },
    _links: {
      self: link(orgUrl, base, ["GET", "PUT", "DELETE"]),
      ...(rule.status === "ACTIVE"
        ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) }
        : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]) }),
    },
  };
}
