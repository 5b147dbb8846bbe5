import type { Policy, PolicyRule } from "../../db/generated/sqlite/client";
import { asJson } from "../../db/as-json";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { newId } from "../../ids/new-id";
import { changePolicies } from "./change-policies";
import { checkPolicyRuleReferences } from "./check-policy-rule-references";
import type { PolicyRuleFields } from "./policy-fields";
import { placeAmongSiblings } from "./place-among-siblings";
import { RULES } from "./sibling-lists";

/**
 * Adds a rule to an access policy, at `priority` (the others shift down) or last. The users, groups
 * and scopes its conditions name must exist (E0000001).
 */
export async function createPolicyRule(db: Db, policy: Policy, fields: PolicyRuleFields, now: Date, record: RecordChange<PolicyRule>): Promise<PolicyRule> {
  await checkPolicyRuleReferences(db, policy.authServerId, fields.conditions);
  return changePolicies(db, policy.authServerId, now, record, async (tx) => {
    const priority = await placeAmongSiblings(tx, RULES, policy.id, fields.priority, now);
    return tx.policyRule.create({
      data: {
        id: newId("rule"),
        policyId: policy.id,
        type: "RESOURCE_ACCESS",
        name: fields.name,
        status: fields.status ?? "ACTIVE",
        priority,
        system: false,
        conditions: asJson(fields.conditions),
        accessTokenLifetimeMinutes: fields.token.accessTokenLifetimeMinutes,
        refreshTokenLifetimeMinutes: fields.token.refreshTokenLifetimeMinutes,
        refreshTokenWindowMinutes: fields.token.refreshTokenWindowMinutes,
        ...(fields.token.inlineHook ? { inlineHook: asJson(fields.token.inlineHook) } : {}),
        created: now,
        lastUpdated: now,
      },
    });
  });
}
