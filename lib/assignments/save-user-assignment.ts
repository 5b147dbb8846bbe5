import type { Db } from "../db/create-db-client";
import { asJson } from "../db/as-json";
import type { AppUserAssignment } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { notFoundError } from "../okta-api/admin-api-error";

/** What saveUserAssignment wrote: a new direct assignment, or a new profile of the existing one. */
export type UserAssignmentChange = { change: "add" | "update"; assignment: AppUserAssignment };

/**
 * Assigns the user to the app directly, or updates the direct assignment's profile when one is
 * given (without one, an existing assignment is neither written nor recorded). With `ifMissing:
 * "not-found"` a user not directly assigned is E0000007 (AppUser) instead of being assigned.
 * `record` runs in the same transaction, after the write.
 */
export async function saveUserAssignment(
  db: Db,
  input: { appId: string; userId: string; profile?: Record<string, unknown> | null; now: Date; ifMissing: "assign" | "not-found" },
  record: RecordChange<UserAssignmentChange>,
): Promise<AppUserAssignment> {
  const { appId, userId, profile, now } = input;
  const where = { appId_userId: { appId, userId } };
  return db.$transaction(async (tx) => {
    const existing = await tx.appUserAssignment.findUnique({ where });
    if (!existing) {
      if (input.ifMissing === "not-found") throw notFoundError(userId, "AppUser");
      const created = await tx.appUserAssignment.upsert({
        where,
        create: { appId, userId, scope: "USER", profile: asJson(profile ?? {}), created: now, lastUpdated: now },
        update: {},
      });
      await record(tx, { change: "add", assignment: created });
      return created;
    }
    if (!profile) return existing;
    const updated = await tx.appUserAssignment.update({ where, data: { profile: asJson(profile), lastUpdated: now } });
    await record(tx, { change: "update", assignment: updated });
    return updated;
  });
}
