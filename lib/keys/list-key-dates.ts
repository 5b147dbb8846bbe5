import type { Db } from "../db/create-db-client";

/** When each of a server's signing keys was created, activated and expired, by kid. */
export async function listKeyDates(db: Db, authServerId: string) {
  const rows = await db.signingKey.findMany({ where: { authServerId }, select: { kid: true, created: true, activated: true, expired: true } });
  return new Map(rows.map((row) => [row.kid, row]));
}
