import type { DbTx } from "../../db/create-db-client";
import { PRIORITY_ORDER, type Ranked } from "./reprioritise";

/** A server's policies other than `exceptId`, in evaluation order. */
export function siblingPolicies(tx: DbTx, authServerId: string, exceptId?: string): Promise<Ranked[]> {
  return tx.policy.findMany({
    where: { authServerId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, priority: true },
    orderBy: PRIORITY_ORDER,
  });
}

/** Writes the shifted priorities (their lastUpdated too: their representation changes). */
export async function applyPolicyPriorities(tx: DbTx, changes: readonly Ranked[], now: Date): Promise<void> {
  for (const change of changes) {
    await tx.policy.update({ where: { id: change.id }, data: { priority: change.priority, lastUpdated: now } });
  }
}
