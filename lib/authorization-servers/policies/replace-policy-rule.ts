import { Prisma, type PolicyRule } from "../../db/generated/sqlite/client";
import { asJson } from "../../db/as-json";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { changePolicies } from "./change-policies";
import { checkPolicyRuleReferences } from "./check-policy-rule-references";
import type { PolicyRuleFields } from "./policy-fields";
import { placeAmongSiblings } from "./place-among-siblings";
import { RULES } from "./sibling-lists";

/**
 * Replaces a policy rule, checked as createPolicyRule checks it. The rule moves to `priority` (the
 * others shift) or to the end when that is omitted or too large. An omitted status keeps the
 * current one.
 */
export async function replacePolicyRule(
  db: Db,
  authServerId: string,
  current: PolicyRule,
  fields: PolicyRuleFields,
  now: Date,
  record: RecordChange<PolicyRule>,
): Promise<PolicyRule> {
  await checkPolicyRuleReferences(db, authServerId, fields.conditions);
  return changePolicies(db, authServerId, now, record, async (tx) => {
    const priority = await placeAmongSiblings(tx, RULES, current.policyId, fields.priority, now, current.id);
    return tx.policyRule.update({
      where: { id: current.id },
      data: {
        name: fields.name,
        status: fields.status ?? current.status,
        priority,
        conditions: asJson(fields.conditions),
        accessTokenLifetimeMinutes: fields.token.accessTokenLifetimeMinutes,
        refreshTokenLifetimeMinutes: fields.token.refreshTokenLifetimeMinutes,
        refreshTokenWindowMinutes: fields.token.refreshTokenWindowMinutes,
        inlineHook: fields.token.inlineHook ? asJson(fields.token.inlineHook) : Prisma.DbNull,
        lastUpdated: now,
      },
    });
  });
}
