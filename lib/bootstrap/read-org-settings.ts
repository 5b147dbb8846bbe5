import type { Db, DbTx } from "../db/create-db-client";

/**
 * The org's settings object (OrgSettings.settings), read live (admins change it) and defensively:
 * no row, or a value that is not a JSON object, reads as `{}` so every reader falls back to
 * DEFAULT_ORG_SETTINGS key by key.
 */
export async function readOrgSettings(db: Db | DbTx): Promise<Record<string, unknown>> {
  const org = await db.orgSettings.findUnique({ where: { id: "org" }, select: { settings: true } });
  return toSettingsObject(org?.settings);
}

/** A settings value as an object (pure): anything but a plain JSON object is `{}`. */
export function toSettingsObject(settings: unknown): Record<string, unknown> {
  return (settings && typeof settings === "object" && !Array.isArray(settings) ? settings : {}) as Record<string, unknown>;
}
