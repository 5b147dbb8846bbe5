import { keepingASuperAdmin } from "../admin-roles/super-admin-holders";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { findGroup } from "./find-group";

/**
 * Deletes a group; its memberships and app assignments go with it (cascade). `record` runs in the
 * same transaction. A group deleted concurrently is E0000007, as an unknown one is. Deleting the
 * group through which the last active super administrator holds SUPER_ADMIN is refused (400).
 */
export async function removeGroup(db: Db, input: { id: string }, record: RecordChange): Promise<void> {
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await keepingASuperAdmin(tx, `Deleting the group ${input.id}`, () => tx.group.deleteMany({ where: { id: input.id } }));
    if (count === 0) return false;
    await record(tx);
    return true;
  });
  if (!deleted) await findGroup(db, input.id); // deleted concurrently: 404
}
