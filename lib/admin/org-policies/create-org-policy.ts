import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { createOrgPolicy } from "../../sign-on-policies/create-org-policy";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyInput, type OrgPolicyBody } from "./org-policy-input";
import { orgPolicyJson } from "./org-policy-json";
import { orgPolicyLogTargets } from "./org-policy-log-targets";
import { parsePolicyType } from "./policy-type";

/** POST /api/v1/policies[?activate=false] -> 200 (SDK createPolicy): placed at `priority` or last before the default policy. */
export async function createOrgPolicyEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  const activate = ctx.request.url.searchParams.get("activate") !== "false";
  return { status: 200, body: await runCreateOrgPolicy(ctx, () => readJsonBody<OrgPolicyBody>(ctx.request), { activate }) };
}

/** createOrgPolicyEndpoint as a typed operation; `activate: false` (Okta's query parameter) creates it INACTIVE. */
export async function runCreateOrgPolicy(ctx: OperationContext, body: Deferred<OrgPolicyBody>, options: { activate?: boolean } = {}) {
  const raw = body();
  const type = parsePolicyType(raw && typeof raw === "object" ? (raw as { type?: unknown }).type : undefined);
  const fields = parseInput(orgPolicyInput(type), raw, "policy");
  const policy = await createOrgPolicy(ctx.db, { type, fields: options.activate === false ? { ...fields, status: "INACTIVE" } : fields, now: ctx.now() }, (tx, created) =>
    audit(tx, ctx, "policy.lifecycle.create", `Create policy ${created.name}`, orgPolicyLogTargets(created)),
  );
  return orgPolicyJson(ctx.orgUrl, policy);
}
