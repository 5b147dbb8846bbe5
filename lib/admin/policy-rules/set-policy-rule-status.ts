import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { findPolicyRule, policyRuleIds, type PolicyRuleIds } from "./find-policy-rule";
import { policyRuleLogTargets } from "./policy-rule-log-targets";

/**
 * POST .../policies/:policyId/rules/:ruleId/lifecycle/activate|deactivate -> bare 204. Already in
 * that status: nothing changes (no event).
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, ids: PolicyRuleIds): Promise<void> => {
    const { server, policy, rule } = await findPolicyRule(ctx.db, ids);
    if (rule.status !== status) {
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await touchAuthorizationServer(tx, server.id, now);
        await tx.policyRule.update({ where: { id: rule.id }, data: { status, lastUpdated: now } });
        const verb = status === "ACTIVE" ? "activated" : "deactivated";
        await audit(tx, ctx, `oauth2.as.policy.rule.${verb}`, `Policy rule ${rule.name} ${verb}`, policyRuleLogTargets(server, policy, rule));
      });
    }
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
