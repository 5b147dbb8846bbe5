import type { DbTx } from "../../db/create-db-client";
import { closeGap } from "./reprioritise";
import type { SiblingList } from "./sibling-lists";

/** After a removal: renumbers the remaining siblings 1..n (closeGap), writing those that change one by one. */
export async function closeSiblingGap(tx: DbTx, list: SiblingList, parentId: string, now: Date): Promise<void> {
  for (const change of closeGap(await list.read(tx, parentId))) await list.write(tx, change, now);
}
