import type { LogTarget } from "../../system-log/write-system-log";

/** System Log targets of a policy event: the policy and its authorization server. */
export function policyLogTargets(server: { id: string; name: string }, policy: { id: string; name: string }): LogTarget[] {
  return [
    { id: policy.id, type: "Policy", displayName: policy.name },
    { id: server.id, type: "AuthorizationServer", displayName: server.name },
  ];
}
