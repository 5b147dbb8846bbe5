import { asJson } from "../db/as-json";
import type { Db } from "../db/create-db-client";
import type { PendingState, PendingStatePatch } from "./pending-state";

/**
 * Records progress of a pending authorization (consent given or denied, a sign-in's session, a
 * failed sign-in's username): `patch` over its loaded state, a field set to undefined is removed.
 * The request itself (params, requestedAt) never changes. Returns the state stored.
 */
export async function savePendingState(db: Db, pending: { id: string; state: PendingState }, patch: PendingStatePatch): Promise<PendingState> {
  const state = { ...pending.state, ...patch };
  await db.pendingAuthorization.updateMany({ where: { id: pending.id }, data: { params: asJson(state) } });
  return state;
}
