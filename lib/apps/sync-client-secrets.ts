import { usesClientSecret, type TokenEndpointAuthMethod } from "./client-metadata";
import { createClientSecret } from "./create-client-secret";
import { hashToken } from "../crypto/hash-token";
import type { DbTx } from "../db/create-db-client";

/**
 * Brings an app's client secrets in line with a replaced registration; true when they changed.
 * - a method without secrets (none, private_key_jwt): every secret is deleted;
 * - a secret the caller brought: kept if it is already one of the app's ACTIVE secrets (clients echo
 *   the app object back on PUT), otherwise it replaces all of them;
 * - a method with secrets and no ACTIVE secret (e.g. none -> client_secret_basic): one is generated.
 */
export async function syncClientSecrets(
  tx: DbTx,
  secretsKey: Buffer,
  appId: string,
  method: TokenEndpointAuthMethod,
  brought: string | null,
  now: Date,
): Promise<boolean> {
  if (!usesClientSecret(method)) {
    const { count } = await tx.clientSecret.deleteMany({ where: { appId } });
    return count > 0;
  }
  if (brought !== null) {
    const same = await tx.clientSecret.findFirst({ where: { appId, status: "ACTIVE", secretHash: hashToken(brought) }, select: { id: true } });
    if (same) return false;
    await tx.clientSecret.deleteMany({ where: { appId } });
    await createClientSecret(tx, secretsKey, appId, now, { secret: brought });
    return true;
  }
  if (await tx.clientSecret.count({ where: { appId, status: "ACTIVE" } })) return false;
  await createClientSecret(tx, secretsKey, appId, now);
  return true;
}
