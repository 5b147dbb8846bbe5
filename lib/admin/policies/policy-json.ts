import type { Policy } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";

export const policyPath = (policy: Pick<Policy, "id" | "authServerId">) => `/api/v1/authorizationServers/${policy.authServerId}/policies/${policy.id}`;

/** The Policies Object of Okta's API (spec: "Policies Object"; SDK: AuthorizationServerPolicy). */
export function policyJson(orgUrl: string, policy: Policy) {
  const base = policyPath(policy);
  return {
    type: policy.type,
    id: policy.id,
    status: policy.status,
    name: policy.name,
    description: policy.description,
    priority: policy.priority,
    system: policy.system,
    conditions: { clients: { include: policy.clientsInclude as string[] } },
    created: isoTime(policy.created),
    lastUpdated: isoTime(policy.lastUpdated),
    _links: {
      self: link(orgUrl, base, ["GET", "PUT", "DELETE"]),
      ...(policy.status === "ACTIVE"
        ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) }
        : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]) }),
      rules: link(orgUrl, `${base}/rules`, ["GET"]),
    },
  };
}
