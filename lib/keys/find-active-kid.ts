import type { Db, DbTx } from "../db/create-db-client";

/** The kid of an authorization server's ACTIVE signing key (the one it signs with), or null. */
export async function findActiveKid(db: Db | DbTx, authServerId: string): Promise<string | null> {
  const key = await db.signingKey.findFirst({ where: { authServerId, status: "ACTIVE" }, select: { kid: true } });
  return key?.kid ?? null;
}
