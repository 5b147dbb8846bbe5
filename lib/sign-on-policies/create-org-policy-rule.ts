import type { Db } from "../db/create-db-client";
import type { OrgPolicy, OrgPolicyRule } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { checkPeopleReferences } from "./check-people-references";
import { checkZoneReferences } from "./check-zone-references";
import { findOrgPolicy } from "./find-org-policy";
import { lockPolicyOrder } from "./lock-policy-order";
import { policyTypeOf, RULE_TYPE_OF, type OrgPolicyRuleFields } from "./org-policy-types";
import { placeInOrder } from "./place-in-order";
import { renumberRules, siblingRules } from "./policy-order";
import { ruleReferences } from "./rule-references";

export type PolicyAndRule = { policy: OrgPolicy; rule: OrgPolicyRule };

/**
 * A new rule of the policy (its type follows the policy's: SIGN_ON or MFA_ENROLL), placed at
 * `priority` or last before the policy's default rule. The users and groups it names must exist,
 * and the network zones must be POLICY zones.
 */
export function createOrgPolicyRule(db: Db, input: { policyId: string; fields: OrgPolicyRuleFields; now: Date }, record: RecordChange<PolicyAndRule>): Promise<PolicyAndRule> {
  const { fields, now } = input;
  return db.$transaction(async (tx) => {
    const policy = await findOrgPolicy(tx, input.policyId);
    await lockPolicyOrder(tx, { policyId: policy.id });
    await checkPeopleReferences(tx, ruleReferences(fields.conditions));
    await checkZoneReferences(tx, fields.conditions.network);
    const { priority, moved } = placeInOrder(await siblingRules(tx, policy.id), fields.priority);
    await renumberRules(tx, moved, now);
    const rule = await tx.orgPolicyRule.create({
      data: {
        id: newId("rule"),
        policyId: policy.id,
        type: RULE_TYPE_OF[policyTypeOf(policy)],
        name: fields.name,
        status: fields.status ?? "ACTIVE",
        priority,
        system: false,
        conditions: fields.conditions,
        actions: fields.actions,
        created: now,
        lastUpdated: now,
      },
    });
    await record(tx, { policy, rule });
    return { policy, rule };
  });
}
