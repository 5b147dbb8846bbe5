import type { Policy } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { notFoundError } from "../../okta-api/admin-api-error";
import { changePolicies } from "./change-policies";
import { closeSiblingGap } from "./close-sibling-gap";
import { POLICIES } from "./sibling-lists";

/** Deletes an access policy with its rules; the server's other policies close the gap. E0000007 when it is already gone. */
export async function deletePolicy(db: Db, policy: Policy, now: Date, record: RecordChange<Policy>): Promise<void> {
  await changePolicies(db, policy.authServerId, now, record, async (tx) => {
    const { count } = await tx.policy.deleteMany({ where: { id: policy.id } });
    if (count === 0) throw notFoundError(policy.id, "Policy");
    await closeSiblingGap(tx, POLICIES, policy.authServerId, now);
    return policy;
  });
}
