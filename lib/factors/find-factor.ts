import type { Db } from "../db/create-db-client";

/** A factor of a user by id, or null (a factor of another user is not found). */
export function findFactor(db: Db, input: { userId: string; factorId: string }) {
  return db.userFactor.findFirst({ where: { id: input.factorId, userId: input.userId } });
}
