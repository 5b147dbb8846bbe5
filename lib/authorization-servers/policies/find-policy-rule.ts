import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";
import { findPolicy } from "./find-policy";

/** The ids a policy rule's path names. */
export type PolicyRuleIds = { authServerId: string; policyId: string; ruleId: string };

/** The server, policy and rule named in the path (each must belong to the one before), or E0000007. */
export async function findPolicyRule(db: Db | DbTx, ids: PolicyRuleIds) {
  const { server, policy } = await findPolicy(db, ids.authServerId, ids.policyId);
  const rule = await db.policyRule.findFirst({ where: { id: ids.ruleId, policyId: policy.id } });
  if (!rule) throw notFoundError(ids.ruleId, "PolicyRule");
  return { server, policy, rule };
}
