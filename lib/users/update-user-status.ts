import type { DbTx } from "../db/create-db-client";
import type { Prisma, User } from "../db/generated/sqlite/client";
import { statusNotAllowedError } from "./user-errors";

/** What a lifecycle change records: the user as it was read (its status the previous one) and the status it now has. */
export type UserStatusChange = { user: User; status: string };

/**
 * Writes a lifecycle change only if the user still has the status it was read with, so two
 * concurrent lifecycle calls cannot both apply (the loser gets E0000038). `data` must set
 * lastUpdated (Prisma would otherwise stamp the wall clock).
 */
export async function updateUserStatus(
  tx: DbTx,
  user: { id: string; status: string },
  data: Prisma.UserUpdateManyMutationInput & { lastUpdated: Date },
): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id: user.id, status: user.status }, data });
  if (count !== 1) throw statusNotAllowedError("The user's status changed while this request ran; read the user again and retry.");
}
