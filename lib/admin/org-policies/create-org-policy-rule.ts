import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { createOrgPolicyRule } from "../../sign-on-policies/create-org-policy-rule";
import { findOrgPolicy } from "../../sign-on-policies/find-org-policy";
import { policyTypeOf } from "../../sign-on-policies/org-policy-types";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyRuleLogTargets } from "./org-policy-log-targets";
import { orgPolicyRuleInput, type OrgPolicyRuleBody } from "./org-policy-rule-input";
import { orgPolicyRuleJson } from "./org-policy-rule-json";

/** POST /api/v1/policies/:policyId/rules[?activate=false] -> 200 (SDK createPolicyRule): placed at `priority` or last before the default rule. */
export async function createOrgPolicyRuleEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  const activate = ctx.request.url.searchParams.get("activate") !== "false";
  return { status: 200, body: await runCreateOrgPolicyRule(ctx, ctx.request.params.policyId ?? "", () => readJsonBody<OrgPolicyRuleBody>(ctx.request), { activate }) };
}

/** createOrgPolicyRuleEndpoint as a typed operation; `activate: false` creates it INACTIVE. */
export async function runCreateOrgPolicyRule(ctx: OperationContext, policyId: string, body: Deferred<OrgPolicyRuleBody>, options: { activate?: boolean } = {}) {
  const type = policyTypeOf(await findOrgPolicy(ctx.db, policyId));
  const fields = parseInput(orgPolicyRuleInput(type), body(), "rule");
  const { rule } = await createOrgPolicyRule(ctx.db, { policyId, fields: options.activate === false ? { ...fields, status: "INACTIVE" } : fields, now: ctx.now() }, (tx, written) =>
    audit(tx, ctx, "policy.rule.add", `Add policy rule ${written.rule.name}`, orgPolicyRuleLogTargets(written.policy, written.rule)),
  );
  return orgPolicyRuleJson(ctx.orgUrl, rule);
}
