import type { Db } from "../db/create-db-client";
import { isPendingAuthorizationId } from "../ids/is-pending-authorization-id";
import { readPendingState, type PendingState } from "./pending-state";

/** An authorization request in progress: whose it is, the CSRF cookie's hash (pendingCookie), and its state. */
export type PendingAuthorization = { id: string; authServerId: string; clientId: string; csrfHash: string; expiresAt: Date; state: PendingState };

/** The pending authorization `id`, or null when unknown, malformed, expired or unreadable. */
export async function loadPendingAuthorization(db: Db, id: string | null | undefined, now: Date): Promise<PendingAuthorization | null> {
  if (!isPendingAuthorizationId(id)) return null;
  const row = await db.pendingAuthorization.findUnique({ where: { id } });
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  const state = readPendingState(row.params);
  return state ? { id: row.id, authServerId: row.authServerId, clientId: row.clientId, csrfHash: row.csrfHash, expiresAt: row.expiresAt, state } : null;
}
