import type { Db } from "../db/create-db-client";
import { rotateDueKeys } from "./rotate-due-keys";

/** rotateDueKeys for every server whose AUTO rotation has come (before a read of all servers' signing blocks). */
export async function rotateAllDueKeys(db: Db, secretsKey: Buffer, now: Date): Promise<void> {
  const due = await db.authorizationServer.findMany({ where: { rotationMode: "AUTO", nextRotation: { lte: now } }, select: { id: true } });
  for (const { id } of due) await rotateDueKeys(db, id, secretsKey, now);
}
