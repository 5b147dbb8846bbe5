import type { PolicyRule } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import { PRIORITY_ORDER } from "./reprioritise";

/** A policy's rules in evaluation (priority) order. */
export function listPolicyRules(db: Db, policyId: string): Promise<PolicyRule[]> {
  return db.policyRule.findMany({ where: { policyId }, orderBy: PRIORITY_ORDER });
}
