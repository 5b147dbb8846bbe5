import * as policies from "../../authorization-servers/policies/delete-policy";
import { findPolicy } from "../../authorization-servers/policies/find-policy";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { policyLogTargets } from "./policy-log-targets";

/** DELETE /api/v1/authorizationServers/:authServerId/policies/:policyId -> bare 204; its rules go with it and the others close the gap. */
export async function deletePolicy(ctx: AdminContext): Promise<AdminResponse> {
  await runDeletePolicy(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.policyId ?? "");
  return { status: 204 };
}

/** deletePolicy as a typed operation. */
export async function runDeletePolicy(ctx: OperationContext, authServerId: string, policyId: string): Promise<void> {
  const { server, policy } = await findPolicy(ctx.db, authServerId, policyId);
  await policies.deletePolicy(ctx.db, policy, ctx.now(), (tx) => audit(tx, ctx, "oauth2.as.policy.deleted", `Deleted policy ${policy.name}`, policyLogTargets(server, policy)));
}
