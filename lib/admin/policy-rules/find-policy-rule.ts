import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";
import { findPolicy } from "../policies/find-policy";

/** The ids a policy rule's path names. */
export type PolicyRuleIds = { authServerId: string; policyId: string; ruleId: string };

/** The ids of a rule's path parameters. */
export function policyRuleIds(params: Record<string, string>): PolicyRuleIds {
  return { authServerId: params.authServerId ?? "", policyId: params.policyId ?? "", ruleId: params.ruleId ?? "" };
}

/** The server, policy and rule named in the path (each must belong to the one before), or E0000007. */
export async function findPolicyRule(db: Db | DbTx, params: Record<string, string>) {
  const { server, policy } = await findPolicy(db, params.authServerId ?? "", params.policyId ?? "");
  const ruleId = params.ruleId ?? "";
  const rule = await db.policyRule.findFirst({ where: { id: ruleId, policyId: policy.id } });
  if (!rule) throw notFoundError(ruleId, "PolicyRule");
  return { server, policy, rule };
}
