import type { Db } from "../db/create-db-client";

/** How many users the org has, DEPROVISIONED ones left out (as the users list shows them by default). */
export function countUsers(db: Db): Promise<number> {
  return db.user.count({ where: { status: { not: "DEPROVISIONED" } } });
}
