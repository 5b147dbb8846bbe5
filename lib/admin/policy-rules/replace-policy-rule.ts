import { findPolicyRule, type PolicyRuleIds } from "../../authorization-servers/policies/find-policy-rule";
import * as rules from "../../authorization-servers/policies/replace-policy-rule";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { policyRuleIds } from "./policy-rule-ids";
import { policyRuleInput, type PolicyRuleBody } from "./policy-rule-input";
import { policyRuleJson } from "./policy-rule-json";
import { policyRuleLogTargets } from "./policy-rule-log-targets";

/**
 * PUT .../policies/:policyId/rules/:ruleId -> 200. A full replacement: omitted conditions and
 * lifetimes take their defaults, and the rule moves to `priority` (the others shift) or to the end
 * when it is omitted or too large. An omitted status keeps the current one.
 */
export async function replacePolicyRule(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplacePolicyRule(ctx, policyRuleIds(ctx.request.params), () => readJsonBody<PolicyRuleBody>(ctx.request)) };
}

/** replacePolicyRule as a typed operation. */
export async function runReplacePolicyRule(ctx: OperationContext, ids: PolicyRuleIds, body: Deferred<PolicyRuleBody>) {
  const { server, policy, rule: current } = await findPolicyRule(ctx.db, ids);
  const input = parseInput(policyRuleInput, body(), "rule");
  const rule = await rules.replacePolicyRule(ctx.db, server.id, current, input, ctx.now(), (tx, saved) =>
    audit(tx, ctx, "oauth2.as.policy.rule.updated", `Updated policy rule ${saved.name}`, policyRuleLogTargets(server, policy, saved)),
  );
  return policyRuleJson(ctx.orgUrl, server.id, rule);
}
