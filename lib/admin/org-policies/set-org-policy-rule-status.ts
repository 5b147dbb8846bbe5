import { setOrgPolicyRuleStatus } from "../../sign-on-policies/set-org-policy-rule-status";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyRuleLogTargets } from "./org-policy-log-targets";

/** POST /api/v1/policies/:policyId/rules/:ruleId/lifecycle/activate|deactivate -> bare 204; already so: nothing changes (no event). */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  const [eventType, verb] = status === "ACTIVE" ? ["policy.rule.activate", "Activate"] : ["policy.rule.deactivate", "Deactivate"];
  return async (ctx: OperationContext, policyId: string, ruleId: string): Promise<void> => {
    await setOrgPolicyRuleStatus(ctx.db, { policyId, ruleId, status, now: ctx.now() }, (tx, { policy, rule }) =>
      audit(tx, ctx, eventType, `${verb} policy rule ${rule.name}`, orgPolicyRuleLogTargets(policy, rule)),
    );
  };
}

/** The typed operations. */
export const runActivateOrgPolicyRule = setStatus("ACTIVE");
export const runDeactivateOrgPolicyRule = setStatus("INACTIVE");

function endpoint(run: typeof runActivateOrgPolicyRule): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await run(ctx, ctx.request.params.policyId ?? "", ctx.request.params.ruleId ?? "");
    return { status: 204 };
  };
}

export const activateOrgPolicyRuleEndpoint = endpoint(runActivateOrgPolicyRule);
export const deactivateOrgPolicyRuleEndpoint = endpoint(runDeactivateOrgPolicyRule);
