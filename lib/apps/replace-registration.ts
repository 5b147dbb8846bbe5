import type { Db, DbTx } from "../db/create-db-client";
import { Prisma, type App } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { revokeClientGrants } from "../oauth/tokens/revoke-client-grants";
import type { AppExtra } from "./app-extra";
import { appRecordData } from "./app-record";
import { canonicalJson } from "./canonical-json";
import type { ClientMetadata } from "./client-metadata";
import { findApp } from "./find-app";
import { isSecretTaken } from "./is-secret-taken";
import { lockApp } from "./lock-app";
import { syncClientSecrets } from "./sync-client-secrets";

type RecordData = ReturnType<typeof appRecordData>;

type Comparable = { label: string; applicationType: string; tokenEndpointAuthMethod: string; pkceRequired: boolean; oauthSettings: unknown; extra: unknown; jwks: unknown };

function comparable(data: Comparable): string {
  const { label, applicationType, tokenEndpointAuthMethod, pkceRequired, oauthSettings, extra, jwks } = data;
  return canonicalJson({ label, applicationType, tokenEndpointAuthMethod, pkceRequired, oauthSettings, extra, jwks: jwks === Prisma.DbNull ? null : (jwks ?? null) });
}

export type Registration = {
  label: string;
  metadata: ClientMetadata;
  extra: AppExtra;
  /** a secret the caller brought (already validated), or null */
  clientSecret: string | null;
};

/**
 * Replaces an app's registration (Apps API PUT, DCR PUT) under the app's lock. When anything stored
 * differs from `current` (settings or secrets), lastUpdated moves to `now` (the token service drops
 * access tokens issued before it), the client's refresh tokens and codes are revoked and the change
 * is recorded, all in one transaction; a replace that changes nothing (a client echoing the object
 * back) writes and records nothing. The app as stored, or "secret-taken" when the brought secret is
 * another app's.
 */
export async function replaceRegistration(
  db: Db,
  secretsKey: Buffer,
  input: { current: App; registration: Registration & { clientSecret: null }; now: Date },
  record: RecordChange<App>,
): Promise<App>;
export async function replaceRegistration(
  db: Db,
  secretsKey: Buffer,
  input: { current: App; registration: Registration; now: Date },
  record: RecordChange<App>,
): Promise<App | "secret-taken">;
export async function replaceRegistration(
  db: Db,
  secretsKey: Buffer,
  input: { current: App; registration: Registration; now: Date },
  record: RecordChange<App>,
): Promise<App | "secret-taken"> {
  const { current, registration, now } = input;
  return db.$transaction(async (tx) => {
    if (registration.clientSecret !== null && (await isSecretTaken(tx, current.id, registration.clientSecret))) return "secret-taken";
    await lockApp(tx, current.id);
    const changed = await saveRegistration(tx, secretsKey, current, registration, now);
    const saved = await findApp(tx, current.id);
    if (changed) await record(tx, saved);
    return saved;
  });
}

/** Writes the registration when it differs from what is stored; whether anything changed. */
async function saveRegistration(tx: DbTx, secretsKey: Buffer, current: App, registration: Registration, now: Date): Promise<boolean> {
  const data: RecordData = appRecordData(registration.label, registration.metadata, registration.extra);
  const secretsChanged = await syncClientSecrets(tx, secretsKey, current.id, registration.metadata.tokenEndpointAuthMethod, registration.clientSecret, now);
  const settingsChanged = comparable(current) !== comparable(data);
  if (!secretsChanged && !settingsChanged) return false;
  await tx.app.update({ where: { id: current.id }, data: { ...data, lastUpdated: now } });
  await revokeClientGrants(tx, current.clientId, now);
  return true;
}
