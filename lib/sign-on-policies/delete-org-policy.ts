import type { Db } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { appsAssignedRefusal } from "./apps-assigned-refusal";
import { countAssignedApps } from "./count-assigned-apps";
import { findOrgPolicy } from "./find-org-policy";
import { lockPolicyOrder } from "./lock-policy-order";
import { policyTypeOf } from "./org-policy-types";
import { renumber } from "./place-in-order";
import { renumberPolicies, siblingPolicies } from "./policy-order";
import { systemRefusal } from "./system-refusal";

/**
 * Deletes a policy with its rules; the others of its type close the gap. The default policy cannot
 * be deleted, nor an ACCESS_POLICY that apps are assigned to (their step-up would vanish with it:
 * assign them to another policy first).
 */
export function deleteOrgPolicy(db: Db, input: { policyId: string; now: Date }, record: RecordChange<OrgPolicy>): Promise<void> {
  return db.$transaction(async (tx) => {
    const policy = await findOrgPolicy(tx, input.policyId);
    if (policy.system) throw systemRefusal("system", "The default policy cannot be deleted.");
    if (policy.type === "ACCESS_POLICY" && (await countAssignedApps(tx, policy.id)) > 0) throw appsAssignedRefusal("id", "deleting");
    await lockPolicyOrder(tx, { type: policyTypeOf(policy) });
    const { count } = await tx.orgPolicy.deleteMany({ where: { id: policy.id } });
    if (count === 0) await findOrgPolicy(tx, policy.id); // deleted while this waited for the lock: 404
    await renumberPolicies(tx, renumber(await siblingPolicies(tx, policyTypeOf(policy))), input.now);
    await record(tx, policy);
  });
}
