import type { Db } from "../db/create-db-client";
import { toOAuthClient, type OAuthClient } from "./oauth-client";

/**
 * The ACTIVE client named by `clientId` with the SHA-256 hashes of its ACTIVE secrets, in one
 * indexed query (the token endpoint's hot path). Not cached: a deactivated app or secret stops
 * authenticating at once, on every instance.
 */
export async function loadClientForAuth(db: Db, clientId: string): Promise<{ client: OAuthClient; secretHashes: readonly string[] } | null> {
  if (!clientId || clientId.length > 256) return null;
  const row = await db.app.findUnique({ where: { clientId }, include: { secrets: { where: { status: "ACTIVE" }, select: { secretHash: true } } } });
  return row && row.status === "ACTIVE" ? { client: toOAuthClient(row), secretHashes: row.secrets.map((secret) => secret.secretHash) } : null;
}
