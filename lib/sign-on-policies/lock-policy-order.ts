import type { InTransaction } from "../db/record-change";
import type { PolicyType } from "./org-policy-types";

/**
 * Serialises the writers of one ordered list inside their transaction: a no-op update of the row
 * that heads it (the type's system policy for the policies of a type, the policy for its rules)
 * takes that row's lock on PostgreSQL until the commit; SQLite transactions already begin with the
 * write lock (lib/db/begin-immediate.ts). Two concurrent creates then cannot both take the same
 * priority.
 */
export async function lockPolicyOrder(tx: InTransaction, list: { type: PolicyType } | { policyId: string }): Promise<void> {
  if ("type" in list) {
    await tx.$executeRaw`UPDATE "OrgPolicy" SET "priority" = "priority" WHERE "type" = ${list.type} AND "system" = ${true}`;
  } else {
    await tx.$executeRaw`UPDATE "OrgPolicy" SET "priority" = "priority" WHERE "id" = ${list.policyId}`;
  }
}
