import type { Db } from "../db/create-db-client";
import { asJson } from "../db/as-json";
import type { AppGroupAssignment } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";

/** What saveGroupAssignment wrote: a new assignment, or a change to the existing one. */
export type GroupAssignmentChange = { change: "add" | "update"; assignment: AppGroupAssignment };

/**
 * Assigns the group to the app, or updates its assignment. A new assignment without a priority
 * goes after the existing ones (as Okta); an existing one keeps what the input does not set, and
 * one the input does not change is neither written nor recorded. `record` runs in the same
 * transaction, after the write.
 */
export async function saveGroupAssignment(
  db: Db,
  input: { appId: string; groupId: string; priority?: number | null; profile?: Record<string, unknown> | null; now: Date },
  record: RecordChange<GroupAssignmentChange>,
): Promise<AppGroupAssignment> {
  const { appId, groupId, priority, profile, now } = input;
  const where = { appId_groupId: { appId, groupId } };
  return db.$transaction(async (tx) => {
    const existing = await tx.appGroupAssignment.findUnique({ where });
    if (existing) {
      const unchanged = (priority ?? existing.priority) === existing.priority && !profile;
      if (unchanged) return existing;
      const updated = await tx.appGroupAssignment.update({
        where,
        data: { priority: priority ?? existing.priority, ...(profile ? { profile: asJson(profile) } : {}), lastUpdated: now },
      });
      await record(tx, { change: "update", assignment: updated });
      return updated;
    }
    const last = await tx.appGroupAssignment.findFirst({ where: { appId }, orderBy: { priority: "desc" }, select: { priority: true } });
    const created = await tx.appGroupAssignment.upsert({
      where,
      create: { appId, groupId, priority: priority ?? (last ? last.priority + 1 : 0), profile: asJson(profile ?? {}), created: now, lastUpdated: now },
      update: {},
    });
    await record(tx, { change: "add", assignment: created });
    return created;
  });
}
