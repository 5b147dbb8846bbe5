import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import type { ClientSecret } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { createClientSecret } from "./create-client-secret";
import { isSecretTaken } from "./is-secret-taken";
import { lockApp } from "./lock-app";

/** As Okta: "You can create up to two Secret objects". */
export const MAX_CLIENT_SECRETS = 2;

/**
 * Adds a client secret to an app (generated unless the caller brings one, already validated),
 * under the app's lock so that the limit holds under concurrent requests, recorded (with the new
 * secret's id) in the same transaction. The stored row and the plaintext, shown once; or why not:
 * "secret-taken" (another app has it), "too-many" (MAX_CLIENT_SECRETS), "duplicate" (this app has it).
 */
export async function addClientSecret(
  db: Db,
  secretsKey: Buffer,
  input: { appId: string; secret: string | null; status: "ACTIVE" | "INACTIVE"; now: Date },
  record: RecordChange<string>,
): Promise<{ row: ClientSecret; secret: string } | "secret-taken" | "too-many" | "duplicate"> {
  const { appId, secret: brought, status, now } = input;
  return db.$transaction(async (tx) => {
    if (brought && (await isSecretTaken(tx, appId, brought))) return "secret-taken";
    await lockApp(tx, appId);
    if ((await tx.clientSecret.count({ where: { appId } })) >= MAX_CLIENT_SECRETS) return "too-many";
    if (brought && (await tx.clientSecret.count({ where: { appId, secretHash: hashToken(brought) } }))) return "duplicate";
    const { id, secret } = await createClientSecret(tx, secretsKey, appId, now, { ...(brought ? { secret: brought } : {}), status });
    await record(tx, id);
    return { row: await tx.clientSecret.findUniqueOrThrow({ where: { id } }), secret };
  });
}
