import type { Db } from "../db/create-db-client";
import type { User } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { revokeUserGrants } from "../oauth/tokens/revoke-user-grants";
import { deprovisionUser } from "./deprovision-user";
import { findUser } from "./find-user";
import { statusNotAllowedError } from "./user-errors";

/** What a delete did to the user (as it was read): Okta deletes in two steps. */
export type UserDeletion = { user: User; outcome: "deactivated" | "deleted" };

/**
 * Okta's two-step rule: a user who is not DEPROVISIONED is deactivated (deprovisionUser, with
 * implicit revocation; the last active administrator is refused with 400); a DEPROVISIONED user is
 * deleted, and every row that belongs to it (memberships, assignments, sessions, tokens, consents,
 * API tokens) goes with it. A user activated meanwhile: 403 E0000038; deleted meanwhile: 404.
 */
export async function deleteUser(db: Db, input: { userId: string; now: Date }, record: RecordChange<UserDeletion>): Promise<UserDeletion["outcome"]> {
  const user = await findUser(db, input.userId);
  const { now } = input;
  if (user.status !== "DEPROVISIONED") {
    await db.$transaction(async (tx) => {
      await deprovisionUser(tx, user, now, "deleting");
      await record(tx, { user, outcome: "deactivated" });
    });
    return "deactivated";
  }
  await db.$transaction(async (tx) => {
    await revokeUserGrants(tx, user.id, now);
    const { count } = await tx.user.deleteMany({ where: { id: user.id, status: "DEPROVISIONED" } });
    if (count !== 1) {
      await findUser(tx, user.id); // deleted meanwhile: 404
      throw statusNotAllowedError("The user was activated while this request ran; deactivate it again before deleting it.");
    }
    await record(tx, { user, outcome: "deleted" });
  });
  return "deleted";
}
