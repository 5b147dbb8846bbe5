import type { DbTx } from "../../db/create-db-client";
import { PRIORITY_ORDER, type Ranked } from "./reprioritise";

/** An ordered list of siblings in the database: a server's policies, or a policy's rules. */
export type SiblingList = {
  /** the parent's items other than `exceptId`, in evaluation order */
  read(tx: DbTx, parentId: string, exceptId?: string): Promise<Ranked[]>;
  /** writes one item's shifted priority (its lastUpdated too: its representation changes) */
  write(tx: DbTx, change: Ranked, now: Date): Promise<unknown>;
};

const except = (exceptId?: string) => (exceptId ? { id: { not: exceptId } } : {});
const select = { id: true, priority: true } as const;

/** A server's access policies (parent: the server). */
export const POLICIES: SiblingList = {
  read: (tx, authServerId, exceptId) => tx.policy.findMany({ where: { authServerId, ...except(exceptId) }, select, orderBy: PRIORITY_ORDER }),
  write: (tx, change, now) => tx.policy.update({ where: { id: change.id }, data: { priority: change.priority, lastUpdated: now } }),
};

/** A policy's rules (parent: the policy). */
export const RULES: SiblingList = {
  read: (tx, policyId, exceptId) => tx.policyRule.findMany({ where: { policyId, ...except(exceptId) }, select, orderBy: PRIORITY_ORDER }),
  write: (tx, change, now) => tx.policyRule.update({ where: { id: change.id }, data: { priority: change.priority, lastUpdated: now } }),
};
