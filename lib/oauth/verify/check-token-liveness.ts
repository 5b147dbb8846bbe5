import { isUserAssignedToApp } from "../../assignments/is-user-assigned-to-app";
import type { Db } from "../../db/create-db-client";
import type { LiveParties } from "./types";

export type TokenHolder = {
  clientId: string;
  /** null for client_credentials tokens */
  userId: string | null;
  /** epoch seconds (a JWT's iat; a refresh token's creation) */
  issuedAt: number;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Implicit revocation (spec: Troubleshooting; lib/oauth/tokens/revoke-*-grants.ts): a token is dead, on every instance
 * and at once, when
 * - its app is gone, not ACTIVE, or changed since the token was issued (issuedAt < lastUpdated,
 *   compared in whole seconds as iat is);
 * - its user is gone, not ACTIVE, or changed status since (issuedAt < statusChanged: a user
 *   suspended and unsuspended keeps no old token alive);
 * - its user is no longer assigned to the app, directly or through a group.
 * The app and the user are read in parallel (only the columns needed), then the assignment. Null:
 * dead; otherwise the app and user rows, which callers reuse.
 */
export async function checkTokenLiveness(db: Db, holder: TokenHolder): Promise<LiveParties | null> {
  const [app, user] = await Promise.all([
    db.app.findUnique({ where: { clientId: holder.clientId }, select: { id: true, clientId: true, status: true, lastUpdated: true } }),
    holder.userId === null
      ? Promise.resolve(null)
      : db.user.findUnique({ where: { id: holder.userId }, select: { id: true, login: true, status: true, statusChanged: true } }),
  ]);
  if (!app || app.status !== "ACTIVE" || holder.issuedAt < seconds(app.lastUpdated)) return null;
  if (holder.userId === null) return { app, user: null };
  if (!user || user.status !== "ACTIVE" || (user.statusChanged !== null && holder.issuedAt < seconds(user.statusChanged))) return null;
  if (!(await isUserAssignedToApp(db, app.id, user.id))) return null;
  return { app, user };
}
