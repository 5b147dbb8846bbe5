import type { Db } from "../db/create-db-client";

/** A user's factors, oldest first (Okta lists enrolled factors in enrollment order). */
export function listFactors(db: Db, userId: string) {
  return db.userFactor.findMany({ where: { userId }, orderBy: [{ created: "asc" }, { id: "asc" }] });
}
