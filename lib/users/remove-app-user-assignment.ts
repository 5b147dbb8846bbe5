import { findAppAssignment } from "../assignments/find-app-assignment";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { revokeGrantsOfUnassignedUsers } from "../oauth/tokens/revoke-grants-of-unassigned-users";

/**
 * Removes the user's direct assignment to the app. A user not assigned at all, or assigned only
 * through a group (which this cannot remove), is told apart in the outcome and nothing changes.
 * If the user is then no longer assigned at all, their refresh tokens and codes for the app's
 * client_id are revoked in the same transaction, and `record` runs there too. (Here rather than in
 * lib/assignments: the revocation, lib/oauth/tokens, sits above that module.)
 */
export async function removeAppUserAssignment(
  db: Db,
  input: { app: { id: string; clientId: string }; userId: string; now: Date },
  record: RecordChange,
): Promise<"removed" | "not-assigned" | "through-group"> {
  const { app, userId, now } = input;
  const assignment = await findAppAssignment(db, app.id, userId);
  if (!assignment) return "not-assigned";
  if (assignment.scope === "GROUP") return "through-group";
  return db.$transaction(async (tx) => {
    const { count } = await tx.appUserAssignment.deleteMany({ where: { appId: app.id, userId } });
    if (count === 0) return "not-assigned"; // a concurrent request removed it first
    await revokeGrantsOfUnassignedUsers(tx, app, { id: userId }, now);
    await record(tx);
    return "removed";
  });
}
