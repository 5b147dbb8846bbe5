import type { DbTx } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";
import { usesClientSecret, type ClientMetadata } from "./client-metadata";
import { appRecordData } from "./app-record";
import type { AppExtra } from "./app-extra";
import { createClientSecret } from "./create-client-secret";
import { findApp } from "./find-app";

/** A new OIDC app (Apps API create, DCR register). */
export type NewApp = {
  id: string;
  clientId: string;
  status: "ACTIVE" | "INACTIVE";
  /** registered through /oauth2/v1/clients */
  dynamic?: boolean;
  label: string;
  metadata: ClientMetadata;
  extra: AppExtra;
  /** the secret the caller brought (already validated), or null to generate one; ignored for methods without secrets */
  clientSecret: string | null;
};

/**
 * Writes a new app in the caller's transaction, with its first client secret for the methods that
 * use one; the app as stored and the secret's plaintext (shown once), or null.
 */
export async function insertApp(tx: DbTx, secretsKey: Buffer, app: NewApp, now: Date): Promise<{ app: App; secret: string | null }> {
  await tx.app.create({
    data: {
      id: app.id,
      name: "oidc_client",
      signOnMode: "OPENID_CONNECT",
      status: app.status,
      clientId: app.clientId,
      ...(app.dynamic ? { dynamic: true } : {}),
      ...appRecordData(app.label, app.metadata, app.extra),
      created: now,
      lastUpdated: now,
    },
  });
  const secret = usesClientSecret(app.metadata.tokenEndpointAuthMethod)
    ? (await createClientSecret(tx, secretsKey, app.id, now, app.clientSecret !== null ? { secret: app.clientSecret } : {})).secret
    : null;
  return { app: await findApp(tx, app.id), secret };
}
