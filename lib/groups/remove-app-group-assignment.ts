import { findAppGroupAssignment } from "../assignments/find-app-group-assignment";
import { isEveryoneGroup } from "../assignments/is-everyone-group";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { revokeGrantsOfUnassignedUsers } from "../oauth/tokens/revoke-grants-of-unassigned-users";

/**
 * Removes the group's assignment to the app (E0000007 ApplicationGroupAssignment when it has none).
 * Members who are no longer assigned to the app in any way (every user, for Everyone) lose their
 * refresh tokens and codes for its client_id in the same transaction, and `record` runs there too.
 * (Here rather than in lib/assignments: the revocation, lib/oauth/tokens, sits above that module.)
 */
export async function removeAppGroupAssignment(
  db: Db,
  input: { app: { id: string; clientId: string }; group: { id: string; type: string; nameLower: string }; now: Date },
  record: RecordChange,
): Promise<"removed" | "not-assigned"> {
  const { app, group, now } = input;
  if (!(await findAppGroupAssignment(db, app.id, group.id))) return "not-assigned";
  const everyone = isEveryoneGroup(group);
  return db.$transaction(async (tx) => {
    const { count } = await tx.appGroupAssignment.deleteMany({ where: { appId: app.id, groupId: group.id } });
    if (count === 0) return "not-assigned"; // a concurrent request removed it first
    await revokeGrantsOfUnassignedUsers(tx, app, everyone ? {} : { memberships: { some: { groupId: group.id } } }, now);
    await record(tx);
    return "removed";
  });
}
