import type { DbTx } from "../../db/create-db-client";
import { PRIORITY_ORDER, type Ranked } from "../policies/reprioritise";

/** A policy's rules other than `exceptId`, in evaluation order. */
export function siblingRules(tx: DbTx, policyId: string, exceptId?: string): Promise<Ranked[]> {
  return tx.policyRule.findMany({
    where: { policyId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, priority: true },
    orderBy: PRIORITY_ORDER,
  });
}

/** Writes the shifted priorities (their lastUpdated too: their representation changes). */
export async function applyRulePriorities(tx: DbTx, changes: readonly Ranked[], now: Date): Promise<void> {
  for (const change of changes) {
    await tx.policyRule.update({ where: { id: change.id }, data: { priority: change.priority, lastUpdated: now } });
  }
}
