import type { Db } from "../db/create-db-client";
import type { OrgPolicy, OrgPolicyRule } from "../db/generated/sqlite/client";
import { findOrgPolicy } from "./find-org-policy";
import { EVALUATION_ORDER } from "./place-in-order";

/** A policy (E0000007 when there is none) and its rules in evaluation order (the default rule last). */
export async function listOrgPolicyRules(db: Db, policyId: string): Promise<{ policy: OrgPolicy; rules: OrgPolicyRule[] }> {
  const policy = await findOrgPolicy(db, policyId);
  const rules = await db.orgPolicyRule.findMany({ where: { policyId: policy.id }, orderBy: EVALUATION_ORDER });
  return { policy, rules };
}
