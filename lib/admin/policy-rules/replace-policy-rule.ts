import { Prisma } from "../../db/generated/sqlite/client";
import { asJson } from "../../db/as-json";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { parseInput } from "../../okta-api/parse-input";
import { placeAt } from "../policies/reprioritise";
import { readJsonBody } from "../../okta-api/read-json-body";
import { checkPolicyRuleReferences } from "./check-policy-rule-references";
import { findPolicyRule, policyRuleIds, type PolicyRuleIds } from "./find-policy-rule";
import { policyRuleInput, type PolicyRuleBody } from "./policy-rule-input";
import { policyRuleJson } from "./policy-rule-json";
import { policyRuleLogTargets } from "./policy-rule-log-targets";
import { applyRulePriorities, siblingRules } from "./policy-rule-priorities";

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
  await checkPolicyRuleReferences(ctx.db, server.id, input.conditions);
  const now = ctx.now();
  const rule = await ctx.db.$transaction(async (tx) => {
    await touchAuthorizationServer(tx, server.id, now);
    const { priority, changes } = placeAt(await siblingRules(tx, policy.id, current.id), input.priority);
    await applyRulePriorities(tx, changes, now);
    const saved = await tx.policyRule.update({
      where: { id: current.id },
      data: {
        name: input.name,
        status: input.status ?? current.status,
        priority,
        conditions: asJson(input.conditions),
        accessTokenLifetimeMinutes: input.token.accessTokenLifetimeMinutes,
        refreshTokenLifetimeMinutes: input.token.refreshTokenLifetimeMinutes,
        refreshTokenWindowMinutes: input.token.refreshTokenWindowMinutes,
        inlineHook: input.token.inlineHook ? asJson(input.token.inlineHook) : Prisma.DbNull,
        lastUpdated: now,
      },
    });
    await audit(tx, ctx, "oauth2.as.policy.rule.updated", `Updated policy rule ${saved.name}`, policyRuleLogTargets(server, policy, saved));
    return saved;
  });
  return policyRuleJson(ctx.orgUrl, server.id, rule);
}
