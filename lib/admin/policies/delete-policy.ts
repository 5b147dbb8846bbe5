import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { findPolicy } from "./find-policy";
import { policyLogTargets } from "./policy-log-targets";
import { applyPolicyPriorities, siblingPolicies } from "./policy-priorities";
import { closeGap } from "./reprioritise";

/** DELETE /api/v1/authorizationServers/:authServerId/policies/:policyId -> bare 204; its rules go with it and the others close the gap. */
export async function deletePolicy(ctx: AdminContext): Promise<AdminResponse> {
  await runDeletePolicy(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.policyId ?? "");
  return { status: 204 };
}

/** deletePolicy as a typed operation. */
export async function runDeletePolicy(ctx: OperationContext, authServerId: string, policyId: string): Promise<void> {
  const { server, policy } = await findPolicy(ctx.db, authServerId, policyId);
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await touchAuthorizationServer(tx, server.id, now);
    const { count } = await tx.policy.deleteMany({ where: { id: policy.id } });
    if (count === 0) throw notFoundError(policy.id, "Policy");
    await applyPolicyPriorities(tx, closeGap(await siblingPolicies(tx, server.id)), now);
    await audit(tx, ctx, "oauth2.as.policy.deleted", `Deleted policy ${policy.name}`, policyLogTargets(server, policy));
  });
}
