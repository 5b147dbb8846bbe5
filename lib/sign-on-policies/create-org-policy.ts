import type { Db } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { checkPeopleReferences } from "./check-people-references";
import { lockPolicyOrder } from "./lock-policy-order";
import { CATCH_ALL_ACTIONS, EVERYONE_ANYWHERE, RULE_TYPE_OF, type OrgPolicyFields, type PolicyType } from "./org-policy-types";
import { placeInOrder } from "./place-in-order";
import { renumberPolicies, siblingPolicies } from "./policy-order";

/**
 * A new policy of `type`, placed at `priority` (the others shift down) or last before the type's
 * default policy. Its groups must exist. An ACCESS_POLICY comes with its system Catch-all Rule
 * (Okta: every authentication policy has one; here any one factor, until changed). One
 * transaction: the order lock, the checks, the writes and `record` (the audit event).
 */
export function createOrgPolicy(db: Db, input: { type: PolicyType; fields: OrgPolicyFields; now: Date }, record: RecordChange<OrgPolicy>): Promise<OrgPolicy> {
  const { type, fields, now } = input;
  return db.$transaction(async (tx) => {
    await lockPolicyOrder(tx, { type });
    await checkPeopleReferences(tx, [{ field: "conditions.people.groups.include", kind: "group", ids: fields.groupsInclude }]);
    const { priority, moved } = placeInOrder(await siblingPolicies(tx, type), fields.priority);
    await renumberPolicies(tx, moved, now);
    const policy = await tx.orgPolicy.create({
      data: {
        id: newId("policy"),
        type,
        name: fields.name,
        description: fields.description,
        status: fields.status ?? "ACTIVE",
        priority,
        system: false,
        groupsInclude: fields.groupsInclude,
        settings: fields.settings ?? undefined,
        created: now,
        lastUpdated: now,
      },
    });
    if (type === "ACCESS_POLICY") {
      await tx.orgPolicyRule.create({
        data: {
          id: newId("rule"),
          policyId: policy.id,
          type: RULE_TYPE_OF.ACCESS_POLICY,
          name: "Catch-all Rule",
          status: "ACTIVE",
          priority: 1,
          system: true,
          conditions: EVERYONE_ANYWHERE,
          actions: CATCH_ALL_ACTIONS,
          created: now,
          lastUpdated: now,
        },
      });
    }
    await record(tx, policy);
    return policy;
  });
}
