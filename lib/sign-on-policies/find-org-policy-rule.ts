import type { Db, DbTx } from "../db/create-db-client";
import type { OrgPolicy, OrgPolicyRule } from "../db/generated/sqlite/client";
import { notFoundError } from "../okta-api/admin-api-error";
import { findOrgPolicy } from "./find-org-policy";

/** The policy and its rule named in the path (the rule must belong to the policy), or E0000007. */
export async function findOrgPolicyRule(db: Db | DbTx, policyId: string, ruleId: string): Promise<{ policy: OrgPolicy; rule: OrgPolicyRule }> {
  const policy = await findOrgPolicy(db, policyId);
  const rule = await db.orgPolicyRule.findFirst({ where: { id: ruleId, policyId: policy.id } });
  if (!rule) throw notFoundError(ruleId, "PolicyRule");
  return { policy, rule };
}
