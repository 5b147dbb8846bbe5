import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import * as policies from "../../authorization-servers/policies/create-policy";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { policyFields } from "./policy-fields";
import { policyInput, type PolicyBody } from "./policy-input";
import { policyJson } from "./policy-json";
import { policyLogTargets } from "./policy-log-targets";

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
  const policy = await policies.createPolicy(ctx.db, server.id, policyFields(input), ctx.now(), (tx, saved) =>
    audit(tx, ctx, "oauth2.as.policy.created", `Created policy ${saved.name}`, policyLogTargets(server, saved)),
  );
  return policyJson(ctx.orgUrl, policy);
}
