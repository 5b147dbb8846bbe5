import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import type { PolicyAndRule } from "./create-org-policy-rule";
import { findOrgPolicyRule } from "./find-org-policy-rule";
import { lockPolicyOrder } from "./lock-policy-order";
import { renumber } from "./place-in-order";
import { renumberRules, siblingRules } from "./policy-order";
import { systemRefusal } from "./system-refusal";

/** Deletes a rule; the policy's other rules close the gap. The default rule cannot be deleted. */
export function deleteOrgPolicyRule(db: Db, input: { policyId: string; ruleId: string; now: Date }, record: RecordChange<PolicyAndRule>): Promise<void> {
  return db.$transaction(async (tx) => {
    const found = await findOrgPolicyRule(tx, input.policyId, input.ruleId);
    if (found.rule.system) throw systemRefusal("system", "The default rule cannot be deleted.");
    await lockPolicyOrder(tx, { policyId: found.policy.id });
    const { count } = await tx.orgPolicyRule.deleteMany({ where: { id: found.rule.id } });
    if (count === 0) await findOrgPolicyRule(tx, input.policyId, input.ruleId); // deleted while this waited for the lock: 404
    await renumberRules(tx, renumber(await siblingRules(tx, found.policy.id)), input.now);
    await record(tx, found);
  });
}
