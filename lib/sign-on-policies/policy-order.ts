import type { InTransaction } from "../db/record-change";
import type { PolicyType } from "./org-policy-types";
import { EVALUATION_ORDER, type Sibling } from "./place-in-order";

/** The policies of a type other than `exceptId`, in evaluation order. */
export function siblingPolicies(tx: InTransaction, type: PolicyType, exceptId?: string): Promise<Sibling[]> {
  return tx.orgPolicy.findMany({
    where: { type, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, priority: true, system: true },
    orderBy: EVALUATION_ORDER,
  });
}

/** The rules of a policy other than `exceptId`, in evaluation order. */
export function siblingRules(tx: InTransaction, policyId: string, exceptId?: string): Promise<Sibling[]> {
  return tx.orgPolicyRule.findMany({
    where: { policyId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, priority: true, system: true },
    orderBy: EVALUATION_ORDER,
  });
}

/** Writes the new priorities of moved policies (their lastUpdated too: their representation changes). */
export async function renumberPolicies(tx: InTransaction, moved: readonly Sibling[], now: Date): Promise<void> {
  for (const { id, priority } of moved) await tx.orgPolicy.update({ where: { id }, data: { priority, lastUpdated: now } });
}

/** Writes the new priorities of moved rules. */
export async function renumberRules(tx: InTransaction, moved: readonly Sibling[], now: Date): Promise<void> {
  for (const { id, priority } of moved) await tx.orgPolicyRule.update({ where: { id }, data: { priority, lastUpdated: now } });
}
