import type { InTransaction } from "../db/record-change";
import { lockPolicyOrder } from "./lock-policy-order";

/**
 * How many apps are assigned to an ACCESS_POLICY, read under the policy row's lock (PostgreSQL: a
 * no-op update held until the commit; SQLite transactions hold the write lock): a deactivation or
 * deletion that finds none cannot race an assignment, which takes the same lock first.
 */
export async function countAssignedApps(tx: InTransaction, policyId: string): Promise<number> {
  await lockPolicyOrder(tx, { policyId });
  return tx.appAccessPolicy.count({ where: { policyId } });
}
