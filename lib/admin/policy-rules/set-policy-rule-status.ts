import { findPolicyRule, type PolicyRuleIds } from "../../authorization-servers/policies/find-policy-rule";
import { setPolicyRuleStatus } from "../../authorization-servers/policies/set-policy-rule-status";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { policyRuleIds } from "./policy-rule-ids";
import { policyRuleLogTargets } from "./policy-rule-log-targets";

/**
 * POST .../policies/:policyId/rules/:ruleId/lifecycle/activate|deactivate -> bare 204. Already in
 * that status: nothing changes (no event).
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, ids: PolicyRuleIds): Promise<void> => {
    const { server, policy, rule } = await findPolicyRule(ctx.db, ids);
    const verb = status === "ACTIVE" ? "activated" : "deactivated";
    await setPolicyRuleStatus(ctx.db, server.id, rule, status, ctx.now(), (tx) =>
      audit(tx, ctx, `oauth2.as.policy.rule.${verb}`, `Policy rule ${rule.name} ${verb}`, policyRuleLogTargets(server, policy, rule)),
    );
  };
}

/** The typed operations. */
export const runActivatePolicyRule = setStatus("ACTIVE");
export const runDeactivatePolicyRule = setStatus("INACTIVE");

function endpoint(run: typeof runActivatePolicyRule): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await run(ctx, policyRuleIds(ctx.request.params));
    return { status: 204 };
  };
}

export const activatePolicyRule = endpoint(runActivatePolicyRule);
export const deactivatePolicyRule = endpoint(runDeactivatePolicyRule);
