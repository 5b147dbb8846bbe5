import { isUserAssignedToApp } from "../../assignments/is-user-assigned-to-app";
import type { DbTx } from "../../db/create-db-client";
import type { Prisma } from "../../db/generated/sqlite/client";
import { revokeHolderGrants } from "./revoke-holder-grants";

/**
 * After an assignment is removed (spec: a client app that is "unassigned" revokes its tokens): every
 * candidate user who holds refresh tokens or codes of the app's client and is no longer assigned
 * to it (directly or through any group) loses them (revokeHolderGrants: each grant whole, with its
 * access tokens, so a later re-assignment does not revive them). Users still assigned another way
 * keep theirs.
 * `candidates` selects users: one user, a group's members, or everyone ({}).
 */
export async function revokeGrantsOfUnassignedUsers(tx: DbTx, app: { id: string; clientId: string }, candidates: Prisma.UserWhereInput, now: Date): Promise<void> {
  const tokenHolders = await tx.refreshTokenFamily.findMany({
    where: { clientId: app.clientId, revoked: null, user: candidates },
    distinct: ["userId"],
    select: { userId: true },
  });
  const codeHolders = await tx.authorizationCode.findMany({
    where: { clientId: app.clientId, user: candidates },
    distinct: ["userId"],
    select: { userId: true },
  });
  const holders = new Set([...tokenHolders, ...codeHolders].map((holder) => holder.userId).filter((userId): userId is string => userId !== null));
  for (const userId of holders) {
    if (await isUserAssignedToApp(tx, app.id, userId)) continue;
    await revokeHolderGrants(tx, { clientId: app.clientId, userId }, now);
  }
}
