import type { Db, DbTx } from "@/lib/db/create-db-client";
import { secretMatches } from "@/lib/apps/secret-matches";

/**
 * Test helper: does `presented` equal one of the app's ACTIVE client
 * secrets (at most two: rotation keeps the old one working until it is deactivated)?
 */
export async function verifyClientSecret(db: Db | DbTx, appId: string, presented: string): Promise<boolean> {
  const secrets = await db.clientSecret.findMany({ where: { appId, status: "ACTIVE" }, select: { secretHash: true } });
  return secretMatches(presented, secrets.map((secret) => secret.secretHash));
}
