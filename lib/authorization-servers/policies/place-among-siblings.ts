import type { DbTx } from "../../db/create-db-client";
import { placeAt } from "./reprioritise";
import type { SiblingList } from "./sibling-lists";

/**
 * Makes room for an item (`exceptId` when it exists already) at `requested` among its siblings
 * (placeAt), writing the shifted priorities one by one; returns the item's priority.
 */
export async function placeAmongSiblings(tx: DbTx, list: SiblingList, parentId: string, requested: number | null, now: Date, exceptId?: string): Promise<number> {
  const { priority, changes } = placeAt(await list.read(tx, parentId, exceptId), requested);
  for (const change of changes) await list.write(tx, change, now);
  return priority;
}
