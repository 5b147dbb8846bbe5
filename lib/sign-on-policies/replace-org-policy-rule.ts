import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { checkPeopleReferences } from "./check-people-references";
import { checkZoneReferences } from "./check-zone-references";
import type { PolicyAndRule } from "./create-org-policy-rule";
import { findOrgPolicyRule } from "./find-org-policy-rule";
import { lockPolicyOrder } from "./lock-policy-order";
import type { OrgPolicyRuleFields } from "./org-policy-types";
import { placeInOrder } from "./place-in-order";
import { renumberRules, siblingRules } from "./policy-order";
import { isEveryoneAnywhere, ruleReferences } from "./rule-references";
import { systemRefusal } from "./system-refusal";

/**
 * A full replacement of a rule: it moves to `priority` (the others shift) or stays where it is; an
 * omitted status keeps the current one. The default rule keeps its place (last), stays ACTIVE and
 * applies to everyone anywhere; its name and actions may change (so an org can require a factor of
 * everyone).
 */
export function replaceOrgPolicyRule(db: Db, input: { policyId: string; ruleId: string; fields: OrgPolicyRuleFields; now: Date }, record: RecordChange<PolicyAndRule>): Promise<PolicyAndRule> {
  const { fields, now } = input;
  return db.$transaction(async (tx) => {
    const { policy, rule: current } = await findOrgPolicyRule(tx, input.policyId, input.ruleId);
    if (current.system && fields.status === "INACTIVE") throw systemRefusal("status", "The default rule cannot be deactivated.");
    if (current.system && !isEveryoneAnywhere(fields.conditions)) throw systemRefusal("conditions", "The default rule applies to everyone, anywhere; its conditions cannot change.");
    await lockPolicyOrder(tx, { policyId: policy.id });
    await checkPeopleReferences(tx, ruleReferences(fields.conditions));
    await checkZoneReferences(tx, fields.conditions.network);
    const { priority, moved } = placeInOrder(await siblingRules(tx, policy.id, current.id), fields.priority ?? current.priority, current.system);
    await renumberRules(tx, moved, now);
    const rule = await tx.orgPolicyRule.update({
      where: { id: current.id },
      data: { name: fields.name, status: fields.status ?? current.status, priority, conditions: fields.conditions, actions: fields.actions, lastUpdated: now },
    });
    await record(tx, { policy, rule });
    return { policy, rule };
  });
}
