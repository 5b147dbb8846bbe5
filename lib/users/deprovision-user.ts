import type { DbTx } from "../db/create-db-client";
import type { User } from "../db/generated/sqlite/client";
import { revokeUserGrants } from "../oauth/tokens/revoke-user-grants";
import { assertNotLastActiveAdmin } from "./assert-not-last-admin";
import { updateUserStatus } from "./update-user-status";

/**
 * Any status but DEPROVISIONED -> DEPROVISIONED inside `tx`: every refresh token, code and session
 * of the user dies with it, and the token service rejects access tokens issued before the new
 * `statusChanged`. Refuses the last active administrator. `action` words that refusal ("deactivating").
 */
export async function deprovisionUser(tx: DbTx, user: User, now: Date, action: string): Promise<void> {
  await assertNotLastActiveAdmin(tx, user, action);
  await updateUserStatus(tx, user, { status: "DEPROVISIONED", transitioningToStatus: null, statusChanged: now, lastUpdated: now });
  await revokeUserGrants(tx, user.id, now);
}
