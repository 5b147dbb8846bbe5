import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { insertApp, type NewApp } from "./insert-app";
import { isSecretTaken } from "./is-secret-taken";

export type CreatedApp = { app: App; secret: string | null };

/**
 * Creates an app (Apps API) with its first client secret, recorded in the same transaction.
 * "client-id-taken" when another app has the client_id (also when a concurrent create took a
 * unique key first: P2002), "secret-taken" when the brought secret is another app's.
 */
export async function createApp(
  db: Db,
  secretsKey: Buffer,
  input: NewApp & { now: Date },
  record: RecordChange<CreatedApp>,
): Promise<CreatedApp | "client-id-taken" | "secret-taken"> {
  const { now, ...app } = input;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.app.findUnique({ where: { clientId: app.clientId }, select: { id: true } })) return "client-id-taken";
      if (app.clientSecret !== null && (await isSecretTaken(tx, null, app.clientSecret))) return "secret-taken";
      const created = await insertApp(tx, secretsKey, app, now);
      await record(tx, created);
      return created;
    });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") return "client-id-taken";
    throw error;
  }
}
