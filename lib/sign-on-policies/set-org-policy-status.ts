import type { Db } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findOrgPolicy } from "./find-org-policy";
import type { LifecycleStatus } from "./org-policy-types";
import { systemRefusal } from "./system-refusal";

/**
 * Activates or deactivates a policy: "unchanged" (and nothing recorded) when it already has that
 * status. The default policy cannot be deactivated.
 */
export function setOrgPolicyStatus(db: Db, input: { policyId: string; status: LifecycleStatus; now: Date }, record: RecordChange<OrgPolicy>): Promise<"changed" | "unchanged"> {
  return db.$transaction(async (tx) => {
    const policy = await findOrgPolicy(tx, input.policyId);
    if (policy.status === input.status) return "unchanged";
    if (policy.system) throw systemRefusal("status", "The default policy cannot be deactivated.");
    const saved = await tx.orgPolicy.update({ where: { id: policy.id }, data: { status: input.status, lastUpdated: input.now } });
    await record(tx, saved);
    return "changed";
  });
}
