import { newId } from "../../ids/new-id";
import { asJson } from "../../db/as-json";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { parseInput } from "../../okta-api/parse-input";
import { findPolicy } from "../policies/find-policy";
import { placeAt } from "../policies/reprioritise";
import { readJsonBody } from "../../okta-api/read-json-body";
import { checkPolicyRuleReferences } from "./check-policy-rule-references";
import { policyRuleInput, type PolicyRuleBody } from "./policy-rule-input";
import { policyRuleJson } from "./policy-rule-json";
import { policyRuleLogTargets } from "./policy-rule-log-targets";
import { applyRulePriorities, siblingRules } from "./policy-rule-priorities";

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
  await checkPolicyRuleReferences(ctx.db, server.id, input.conditions);
  const now = ctx.now();
  const rule = await ctx.db.$transaction(async (tx) => {
    await touchAuthorizationServer(tx, server.id, now);
    const { priority, changes } = placeAt(await siblingRules(tx, policy.id), input.priority);
    await applyRulePriorities(tx, changes, now);
    const saved = await tx.policyRule.create({
      data: {
        id: newId("rule"),
        policyId: policy.id,
        type: "RESOURCE_ACCESS",
        name: input.name,
        status: input.status ?? "ACTIVE",
        priority,
        system: false,
        conditions: asJson(input.conditions),
        accessTokenLifetimeMinutes: input.token.accessTokenLifetimeMinutes,
        refreshTokenLifetimeMinutes: input.token.refreshTokenLifetimeMinutes,
        refreshTokenWindowMinutes: input.token.refreshTokenWindowMinutes,
        ...(input.token.inlineHook ? { inlineHook: asJson(input.token.inlineHook) } : {}),
        created: now,
        lastUpdated: now,
      },
    });
    await audit(tx, ctx, "oauth2.as.policy.rule.created", `Created policy rule ${saved.name}`, policyRuleLogTargets(server, policy, saved));
    return saved;
  });
  return policyRuleJson(ctx.orgUrl, server.id, rule);
}
