import type { PolicyRule } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { changePolicies } from "./change-policies";

/** Activates or deactivates a policy rule. Already in that status: nothing changes and nothing is recorded ("unchanged"). */
export async function setPolicyRuleStatus(db: Db, authServerId: string, rule: PolicyRule, status: "ACTIVE" | "INACTIVE", now: Date, record: RecordChange<PolicyRule>): Promise<"changed" | "unchanged"> {
  if (rule.status === status) return "unchanged";
  await changePolicies(db, authServerId, now, record, (tx) => tx.policyRule.update({ where: { id: rule.id }, data: { status, lastUpdated: now } }));
  return "changed";
}
