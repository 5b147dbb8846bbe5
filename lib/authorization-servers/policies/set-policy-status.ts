import type { Policy } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { changePolicies } from "./change-policies";

/** Activates or deactivates an access policy. Already in that status: nothing changes and nothing is recorded ("unchanged"). */
export async function setPolicyStatus(db: Db, policy: Policy, status: "ACTIVE" | "INACTIVE", now: Date, record: RecordChange<Policy>): Promise<"changed" | "unchanged"> {
  if (policy.status === status) return "unchanged";
  await changePolicies(db, policy.authServerId, now, record, (tx) => tx.policy.update({ where: { id: policy.id }, data: { status, lastUpdated: now } }));
  return "changed";
}
