import { hashToken } from "../../crypto/hash-token";
import type { Db, DbTx } from "../../db/create-db-client";
import { validationError } from "../../okta-api/admin-api-error";

/**
 * A secret the caller brings must not already be stored for another app (secret hashes are unique).
 * The refusal does not say which app has it.
 */
export async function checkSecretFree(db: Db | DbTx, appId: string | null, secret: string, field: string): Promise<void> {
  const existing = await db.clientSecret.findUnique({ where: { secretHash: hashToken(secret) }, select: { appId: true } });
  if (existing && existing.appId !== appId) throw validationError(field, [`${field}: This client secret cannot be used; choose another one.`]);
}
