import type { Policy } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { changePolicies } from "./change-policies";
import { checkPolicyClients } from "./check-policy-clients";
import type { PolicyFields } from "./policy-fields";
import { placeAmongSiblings } from "./place-among-siblings";
import { POLICIES } from "./sibling-lists";

/**
 * Replaces an access policy: it moves to `priority` (the others shift), or to the end when that is
 * omitted or too large. An omitted status keeps the current one (the lifecycle operations change it).
 */
export async function replacePolicy(db: Db, current: Policy, fields: PolicyFields, now: Date, record: RecordChange<Policy>): Promise<Policy> {
  await checkPolicyClients(db, fields.clientsInclude);
  return changePolicies(db, current.authServerId, now, record, async (tx) => {
    const priority = await placeAmongSiblings(tx, POLICIES, current.authServerId, fields.priority, now, current.id);
    return tx.policy.update({
      where: { id: current.id },
      data: {
        name: fields.name,
        description: fields.description,
        status: fields.status ?? current.status,
        priority,
        clientsInclude: fields.clientsInclude,
        lastUpdated: now,
      },
    });
  });
}
