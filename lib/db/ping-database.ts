import type { Db } from "./create-db-client";

/** One round trip to the database (`SELECT 1`): resolves when it answers, rejects when it fails. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1 AS ok");
}
