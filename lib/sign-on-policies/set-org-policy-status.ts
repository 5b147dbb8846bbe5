import type { Db } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findOrgPolicy } from "./find-org-policy";
import type { LifecycleStatus } from "./org-policy-types";
import { appsAssignedRefusal } from "./apps-assigned-refusal";
import { countAssignedApps } from "./count-assigned-apps";
import { systemRefusal } from "./system-refusal";

/**
 * Activates or deactivates a policy: "unchanged" (and nothing recorded) when it already has that
 * status. The default policy cannot be deactivated, nor an ACCESS_POLICY that apps are assigned to
 * (Okta refuses it too: their sign-in would lose its policy; assign them elsewhere first).
 */
export function setOrgPolicyStatus(db: Db, input: { policyId: string; status: LifecycleStatus; now: Date }, record: RecordChange<OrgPolicy>): Promise<"changed" | "unchanged"> {
  return db.$transaction(async (tx) => {
    const policy = await findOrgPolicy(tx, input.policyId);
    if (policy.status === input.status) return "unchanged";
    if (policy.system) throw systemRefusal("status", "The default policy cannot be deactivated.");
    if (input.status === "INACTIVE" && policy.type === "ACCESS_POLICY" && (await countAssignedApps(tx, policy.id)) > 0) throw appsAssignedRefusal("status", "deactivating");
    const saved = await tx.orgPolicy.update({ where: { id: policy.id }, data: { status: input.status, lastUpdated: input.now } });
    await record(tx, saved);
    return "changed";
  });
}
