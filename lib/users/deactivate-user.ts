import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { deprovisionUser } from "./deprovision-user";
import { findUser } from "./find-user";
import type { UserStatusChange } from "./update-user-status";

/**
 * Any status -> DEPROVISIONED, with implicit revocation of everything the user holds
 * (deprovisionUser). An already DEPROVISIONED user: no change and nothing recorded (a retried call
 * succeeds). The last active administrator: 400.
 */
export async function deactivateUser(db: Db, input: { userId: string; now: Date }, record: RecordChange<UserStatusChange>): Promise<void> {
  const user = await findUser(db, input.userId);
  if (user.status === "DEPROVISIONED") return;
  await db.$transaction(async (tx) => {
    await deprovisionUser(tx, user, input.now, "deactivating");
    await record(tx, { user, status: "DEPROVISIONED" });
  });
}
