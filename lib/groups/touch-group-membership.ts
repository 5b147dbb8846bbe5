import type { DbTx } from "../db/create-db-client";

/**
 * Stamps a group's lastMembershipUpdated. Its lastUpdated is the profile's time and is written back
 * as read inside the transaction: Prisma would otherwise stamp it (@updatedAt) with the wall clock.
 */
export async function touchGroupMembership(tx: DbTx, groupId: string, now: Date): Promise<void> {
  const current = await tx.group.findUnique({ where: { id: groupId }, select: { lastUpdated: true } });
  if (!current) return;
  await tx.group.update({ where: { id: groupId }, data: { lastMembershipUpdated: now, lastUpdated: current.lastUpdated } });
}
