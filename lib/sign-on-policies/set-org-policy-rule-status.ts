import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import type { PolicyAndRule } from "./create-org-policy-rule";
import { findOrgPolicyRule } from "./find-org-policy-rule";
import type { LifecycleStatus } from "./org-policy-types";
import { systemRefusal } from "./system-refusal";

/** Activates or deactivates a rule: "unchanged" (nothing recorded) when it already has that status. The default rule cannot be deactivated. */
export function setOrgPolicyRuleStatus(
  db: Db,
  input: { policyId: string; ruleId: string; status: LifecycleStatus; now: Date },
  record: RecordChange<PolicyAndRule>,
): Promise<"changed" | "unchanged"> {
  return db.$transaction(async (tx) => {
    const { policy, rule } = await findOrgPolicyRule(tx, input.policyId, input.ruleId);
    if (rule.status === input.status) return "unchanged";
    if (rule.system) throw systemRefusal("status", "The default rule cannot be deactivated.");
    const saved = await tx.orgPolicyRule.update({ where: { id: rule.id }, data: { status: input.status, lastUpdated: input.now } });
    await record(tx, { policy, rule: saved });
    return "changed";
  });
}
