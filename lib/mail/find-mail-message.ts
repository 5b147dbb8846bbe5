import type { Db } from "../db/create-db-client";

/** One message with its bodies (empty once SENT or FAILED), or null. */
export async function findMailMessage(db: Db, id: string) {
  return db.mailMessage.findUnique({ where: { id } });
}
