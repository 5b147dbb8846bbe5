import type { PolicyRule } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { notFoundError } from "../../okta-api/admin-api-error";
import { changePolicies } from "./change-policies";
import { closeSiblingGap } from "./close-sibling-gap";
import { RULES } from "./sibling-lists";

/** Deletes a policy rule; the policy's other rules close the gap. E0000007 when it is already gone. */
export async function deletePolicyRule(db: Db, authServerId: string, rule: PolicyRule, now: Date, record: RecordChange<PolicyRule>): Promise<void> {
  await changePolicies(db, authServerId, now, record, async (tx) => {
    const { count } = await tx.policyRule.deleteMany({ where: { id: rule.id } });
    if (count === 0) throw notFoundError(rule.id, "PolicyRule");
    await closeSiblingGap(tx, RULES, rule.policyId, now);
    return rule;
  });
}
