import { findPolicy } from "../../authorization-servers/policies/find-policy";
import * as policies from "../../authorization-servers/policies/replace-policy";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { policyFields } from "./policy-fields";
import { policyInput, type PolicyBody } from "./policy-input";
import { policyJson } from "./policy-json";
import { policyLogTargets } from "./policy-log-targets";

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
  const policy = await policies.replacePolicy(ctx.db, current, policyFields(input), ctx.now(), (tx, saved) =>
    audit(tx, ctx, "oauth2.as.policy.updated", `Updated policy ${saved.name}`, policyLogTargets(server, saved)),
  );
  return policyJson(ctx.orgUrl, policy);
}
