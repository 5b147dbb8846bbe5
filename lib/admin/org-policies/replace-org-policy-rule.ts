import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { findOrgPolicyRule } from "../../sign-on-policies/find-org-policy-rule";
import { policyTypeOf } from "../../sign-on-policies/org-policy-types";
import { replaceOrgPolicyRule } from "../../sign-on-policies/replace-org-policy-rule";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyRuleLogTargets } from "./org-policy-log-targets";
import { orgPolicyRuleInput, type OrgPolicyRuleBody } from "./org-policy-rule-input";
import { orgPolicyRuleJson } from "./org-policy-rule-json";

/** PUT /api/v1/policies/:policyId/rules/:ruleId -> 200: a full replacement. */
export async function replaceOrgPolicyRuleEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  const { policyId = "", ruleId = "" } = ctx.request.params;
  return { status: 200, body: await runReplaceOrgPolicyRule(ctx, policyId, ruleId, () => readJsonBody<OrgPolicyRuleBody>(ctx.request)) };
}

/** replaceOrgPolicyRuleEndpoint as a typed operation. */
export async function runReplaceOrgPolicyRule(ctx: OperationContext, policyId: string, ruleId: string, body: Deferred<OrgPolicyRuleBody>) {
  const { policy } = await findOrgPolicyRule(ctx.db, policyId, ruleId);
  const fields = parseInput(orgPolicyRuleInput(policyTypeOf(policy)), body(), "rule");
  const { rule } = await replaceOrgPolicyRule(ctx.db, { policyId, ruleId, fields, now: ctx.now() }, (tx, written) =>
    audit(tx, ctx, "policy.rule.update", `Update policy rule ${written.rule.name}`, orgPolicyRuleLogTargets(written.policy, written.rule)),
  );
  return orgPolicyRuleJson(ctx.orgUrl, rule);
}
