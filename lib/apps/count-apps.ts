import type { Db } from "../db/create-db-client";

/** How many applications (OAuth clients) the org has, whatever their status. */
export function countApps(db: Db): Promise<number> {
  return db.app.count();
}
