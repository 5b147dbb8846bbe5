import { validationError } from "../../okta-api/admin-api-error";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { findOrgPolicy } from "../../sign-on-policies/find-org-policy";
import { policyTypeOf } from "../../sign-on-policies/org-policy-types";
import { replaceOrgPolicy } from "../../sign-on-policies/replace-org-policy";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyInput, type OrgPolicyBody } from "./org-policy-input";
import { orgPolicyJson } from "./org-policy-json";
import { orgPolicyLogTargets } from "./org-policy-log-targets";

/** PUT /api/v1/policies/:policyId -> 200: a full replacement; the type cannot change. */
export async function replaceOrgPolicyEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceOrgPolicy(ctx, ctx.request.params.policyId ?? "", () => readJsonBody<OrgPolicyBody>(ctx.request)) };
}

/** replaceOrgPolicyEndpoint as a typed operation. */
export async function runReplaceOrgPolicy(ctx: OperationContext, policyId: string, body: Deferred<OrgPolicyBody>) {
  const type = policyTypeOf(await findOrgPolicy(ctx.db, policyId));
  const raw = body();
  const fields = parseInput(orgPolicyInput(type), raw, "policy");
  const sent = (raw as { type?: unknown }).type;
  if (sent != null && sent !== type) throw validationError("type", [`type: The type of a policy cannot change (it is ${type}).`]);
  const policy = await replaceOrgPolicy(ctx.db, { policyId, fields, now: ctx.now() }, (tx, saved) =>
    audit(tx, ctx, "policy.lifecycle.update", `Update policy ${saved.name}`, orgPolicyLogTargets(saved)),
  );
  return orgPolicyJson(ctx.orgUrl, policy);
}
