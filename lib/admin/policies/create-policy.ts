import { newId } from "../../ids/new-id";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { checkPolicyClients } from "./check-policy-clients";
import { policyInput, type PolicyBody } from "./policy-input";
import { policyJson } from "./policy-json";
import { policyLogTargets } from "./policy-log-targets";
import { applyPolicyPriorities, siblingPolicies } from "./policy-priorities";
import { placeAt } from "./reprioritise";

/**
 * POST /api/v1/authorizationServers/:authServerId/policies -> 201. Placed at `priority` (the others
 * shift down) or last. The server is touched first in the transaction: that bumps its configVersion
 * and takes its row lock, so concurrent writers of one server's priorities run one after another.
 */
export async function createPolicy(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 201, body: await runCreatePolicy(ctx, ctx.request.params.authServerId ?? "", () => readJsonBody<PolicyBody>(ctx.request)) };
}

/** createPolicy as a typed operation. */
export async function runCreatePolicy(ctx: OperationContext, authServerId: string, body: Deferred<PolicyBody>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const input = parseInput(policyInput, body(), "policy");
  await checkPolicyClients(ctx.db, input.conditions.clients.include);
  const now = ctx.now();
  const policy = await ctx.db.$transaction(async (tx) => {
    await touchAuthorizationServer(tx, server.id, now);
    const { priority, changes } = placeAt(await siblingPolicies(tx, server.id), input.priority);
    await applyPolicyPriorities(tx, changes, now);
    const saved = await tx.policy.create({
      data: {
        id: newId("policy"),
        authServerId: server.id,
        type: "OAUTH_AUTHORIZATION_POLICY",
        name: input.name,
        description: input.description ?? null,
        status: input.status ?? "ACTIVE",
        priority,
        system: false,
        clientsInclude: input.conditions.clients.include,
        created: now,
        lastUpdated: now,
      },
    });
    await audit(tx, ctx, "oauth2.as.policy.created", `Created policy ${saved.name}`, policyLogTargets(server, saved));
    return saved;
  });
  return policyJson(ctx.orgUrl, policy);
}
