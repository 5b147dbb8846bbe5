import * as rules from "../../authorization-servers/policies/create-policy-rule";
import { findPolicy } from "../../authorization-servers/policies/find-policy";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { policyRuleInput, type PolicyRuleBody } from "./policy-rule-input";
import { policyRuleJson } from "./policy-rule-json";
import { policyRuleLogTargets } from "./policy-rule-log-targets";

/**
 * POST /api/v1/authorizationServers/:authServerId/policies/:policyId/rules -> 201. Placed at
 * `priority` (the others shift down) or last. Touching the server first bumps its configVersion and
 * serialises concurrent writers of its priorities.
 */
export async function createPolicyRule(ctx: AdminContext): Promise<AdminResponse> {
  const { authServerId = "", policyId = "" } = ctx.request.params;
  return { status: 201, body: await runCreatePolicyRule(ctx, authServerId, policyId, () => readJsonBody<PolicyRuleBody>(ctx.request)) };
}

/** createPolicyRule as a typed operation. */
export async function runCreatePolicyRule(ctx: OperationContext, authServerId: string, policyId: string, body: Deferred<PolicyRuleBody>) {
  const { server, policy } = await findPolicy(ctx.db, authServerId, policyId);
  const input = parseInput(policyRuleInput, body(), "rule");
  const rule = await rules.createPolicyRule(ctx.db, policy, input, ctx.now(), (tx, saved) =>
    audit(tx, ctx, "oauth2.as.policy.rule.created", `Created policy rule ${saved.name}`, policyRuleLogTargets(server, policy, saved)),
  );
  return policyRuleJson(ctx.orgUrl, server.id, rule);
}
