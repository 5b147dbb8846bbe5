import type { Db, DbTx } from "../db/create-db-client";
import { prismaErrorCode } from "../db/prisma-error-code";

/**
 * Runs `work`, which checks that a name is free and then writes it, in a transaction. Prisma's
 * P2002 (a concurrent request took the same unique key between the check and the write) becomes
 * the error the check throws, `duplicate()`.
 */
export async function writeUnique<T>(db: Db, work: (tx: DbTx) => Promise<T>, duplicate: () => Error): Promise<T> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    throw prismaErrorCode(error) === "P2002" ? duplicate() : error;
  }
}
