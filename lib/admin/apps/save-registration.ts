import type { TokenEndpointAuthMethod } from "../../apps/client-metadata";
import type { DbTx } from "../../db/create-db-client";
import { Prisma, type App } from "../../db/generated/sqlite/client";
import { revokeClientGrants } from "../../oauth/tokens/revoke-client-grants";
import type { appRecordData } from "./app-record";
import { canonicalJson } from "./canonical-json";
import { syncClientSecrets } from "./sync-client-secrets";

type RecordData = ReturnType<typeof appRecordData>;

type Comparable = { label: string; applicationType: string; tokenEndpointAuthMethod: string; pkceRequired: boolean; oauthSettings: unknown; extra: unknown; jwks: unknown };

function comparable(data: Comparable): string {
  const { label, applicationType, tokenEndpointAuthMethod, pkceRequired, oauthSettings, extra, jwks } = data;
  return canonicalJson({ label, applicationType, tokenEndpointAuthMethod, pkceRequired, oauthSettings, extra, jwks: jwks === Prisma.DbNull ? null : (jwks ?? null) });
}

/**
 * Writes a replaced registration (Apps API PUT, DCR PUT) inside the caller's transaction. When
 * anything stored differs (settings or secrets), lastUpdated moves to `now` (the token service
 * drops access tokens issued before it) and the client's refresh tokens and codes are revoked.
 * Returns whether anything changed.
 */
export async function saveRegistration(
  tx: DbTx,
  secretsKey: Buffer,
  current: App,
  data: RecordData,
  method: TokenEndpointAuthMethod,
  broughtSecret: string | null,
  now: Date,
): Promise<boolean> {
  const secretsChanged = await syncClientSecrets(tx, secretsKey, current.id, method, broughtSecret, now);
  const settingsChanged = comparable(current) !== comparable(data);
  if (!secretsChanged && !settingsChanged) return false;
  await tx.app.update({ where: { id: current.id }, data: { ...data, lastUpdated: now } });
  await revokeClientGrants(tx, current.clientId, now);
  return true;
}
