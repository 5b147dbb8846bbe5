import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { checkPolicyClients } from "./check-policy-clients";
import { findPolicy } from "./find-policy";
import { policyInput, type PolicyBody } from "./policy-input";
import { policyJson } from "./policy-json";
import { policyLogTargets } from "./policy-log-targets";
import { applyPolicyPriorities, siblingPolicies } from "./policy-priorities";
import { placeAt } from "./reprioritise";

/**
 * PUT /api/v1/authorizationServers/:authServerId/policies/:policyId -> 200. A full replacement: the
 * policy moves to `priority` (the others shift), or to the end when it is omitted or too large. An
 * omitted status keeps the current one (the lifecycle operations change it).
 */
export async function replacePolicy(ctx: AdminContext): Promise<AdminResponse> {
  const { authServerId = "", policyId = "" } = ctx.request.params;
  return { status: 200, body: await runReplacePolicy(ctx, authServerId, policyId, () => readJsonBody<PolicyBody>(ctx.request)) };
}

/** replacePolicy as a typed operation. */
export async function runReplacePolicy(ctx: OperationContext, authServerId: string, policyId: string, body: Deferred<PolicyBody>) {
  const { server, policy: current } = await findPolicy(ctx.db, authServerId, policyId);
  const input = parseInput(policyInput, body(), "policy");
  await checkPolicyClients(ctx.db, input.conditions.clients.include);
  const now = ctx.now();
  const policy = await ctx.db.$transaction(async (tx) => {
    await touchAuthorizationServer(tx, server.id, now);
    const { priority, changes } = placeAt(await siblingPolicies(tx, server.id, current.id), input.priority);
    await applyPolicyPriorities(tx, changes, now);
    const saved = await tx.policy.update({
      where: { id: current.id },
      data: {
        name: input.name,
        description: input.description ?? null,
        status: input.status ?? current.status,
        priority,
        clientsInclude: input.conditions.clients.include,
        lastUpdated: now,
      },
    });
    await audit(tx, ctx, "oauth2.as.policy.updated", `Updated policy ${saved.name}`, policyLogTargets(server, saved));
    return saved;
  });
  return policyJson(ctx.orgUrl, policy);
}
