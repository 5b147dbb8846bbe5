import { asJson } from "../db/as-json";
import type { Db, DbTx } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import type { OrgSettings, OrgSettingsField } from "./org-settings-schema";
import { parseOrgSettings, toSettingsObject } from "./parse-org-settings";

/** A change of the org settings: the fields whose value in force moved, and the values before and after. */
export type OrgSettingsChange = { changed: OrgSettingsField[]; before: OrgSettings; after: OrgSettings };

/**
 * Merges `changes` into the stored org settings (fields left out keep their values) and returns the
 * settings in force with when they last changed. When no value in force moves, nothing is written
 * and nothing recorded; otherwise `record` runs in the write's transaction.
 */
export async function changeOrgSettings(
  db: Db,
  input: { changes: Partial<OrgSettings>; now: Date },
  record: RecordChange<OrgSettingsChange>,
): Promise<{ settings: OrgSettings; lastUpdated: Date }> {
  return db.$transaction(async (tx) => {
    const { change, lastUpdated } = await mergeOrgSettings(tx, input);
    if (change.changed.length > 0) await record(tx, change);
    return { settings: change.after, lastUpdated };
  });
}

/**
 * changeOrgSettings inside the caller's transaction, without its record: for a write that logs the
 * change as its own (the Brands API's `locale` is the setting `defaultLocale`).
 */
export async function mergeOrgSettings(tx: DbTx, input: { changes: Partial<OrgSettings>; now: Date }): Promise<{ change: OrgSettingsChange; lastUpdated: Date }> {
  const org = await tx.orgSettings.findUniqueOrThrow({ where: { id: "org" }, select: { settings: true, lastUpdated: true } });
  const stored = toSettingsObject(org.settings);
  const merged = { ...stored, ...input.changes };
  const before = parseOrgSettings(stored);
  const after = parseOrgSettings(merged);
  // a list setting is compared by its names (parseOrgSettings keeps them in one order)
  const changed = (Object.keys(after) as OrgSettingsField[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  if (changed.length === 0) return { change: { changed, before, after }, lastUpdated: org.lastUpdated };
  await tx.orgSettings.update({ where: { id: "org" }, data: { settings: asJson(merged), lastUpdated: input.now } });
  return { change: { changed, before, after }, lastUpdated: input.now };
}
