import type { Db } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { checkPeopleReferences } from "./check-people-references";
import { findOrgPolicy } from "./find-org-policy";
import { lockPolicyOrder } from "./lock-policy-order";
import { policyTypeOf, type OrgPolicyFields } from "./org-policy-types";
import { placeInOrder } from "./place-in-order";
import { renumberPolicies, siblingPolicies } from "./policy-order";
import { appsAssignedRefusal } from "./apps-assigned-refusal";
import { countAssignedApps } from "./count-assigned-apps";
import { systemRefusal } from "./system-refusal";

/**
 * A full replacement of a policy (its type stays): it moves to `priority` (the others shift), or
 * stays where it is when none is given. An omitted status keeps the current one. The default policy
 * keeps its place (last), stays ACTIVE and applies to everyone; its name, description and settings
 * may change. An ACCESS_POLICY that apps are assigned to cannot be deactivated (setOrgPolicyStatus).
 */
export function replaceOrgPolicy(db: Db, input: { policyId: string; fields: OrgPolicyFields; now: Date }, record: RecordChange<OrgPolicy>): Promise<OrgPolicy> {
  const { fields, now } = input;
  return db.$transaction(async (tx) => {
    const current = await findOrgPolicy(tx, input.policyId);
    await lockPolicyOrder(tx, { type: policyTypeOf(current) });
    if (current.system && fields.status === "INACTIVE") throw systemRefusal("status", "The default policy cannot be deactivated.");
    if (current.status === "ACTIVE" && fields.status === "INACTIVE" && current.type === "ACCESS_POLICY" && (await countAssignedApps(tx, current.id)) > 0) {
      throw appsAssignedRefusal("status", "deactivating");
    }
    if (current.system && fields.groupsInclude.length > 0) throw systemRefusal("conditions.people.groups.include", "The default policy applies to everyone; it takes no groups.");
    await checkPeopleReferences(tx, [{ field: "conditions.people.groups.include", kind: "group", ids: fields.groupsInclude }]);
    const siblings = await siblingPolicies(tx, policyTypeOf(current), current.id);
    const { priority, moved } = placeInOrder(siblings, fields.priority ?? current.priority, current.system);
    await renumberPolicies(tx, moved, now);
    const policy = await tx.orgPolicy.update({
      where: { id: current.id },
      data: {
        name: fields.name,
        description: fields.description,
        status: fields.status ?? current.status,
        priority,
        groupsInclude: fields.groupsInclude,
        settings: fields.settings ?? undefined,
        lastUpdated: now,
      },
    });
    await record(tx, policy);
    return policy;
  });
}
