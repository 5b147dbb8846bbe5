import type { Db } from "../db/create-db-client";
import type { OrgSettings } from "./org-settings-schema";
import { parseOrgSettings } from "./parse-org-settings";

/**
 * The org settings in force and when they last changed, as the admin API shows them (the org row
 * is written at bootstrap; its absence is an error, not the defaults).
 */
export async function readOrgSettingsRecord(db: Db): Promise<{ settings: OrgSettings; lastUpdated: Date }> {
  const org = await db.orgSettings.findUniqueOrThrow({ where: { id: "org" }, select: { settings: true, lastUpdated: true } });
  return { settings: parseOrgSettings(org.settings), lastUpdated: org.lastUpdated };
}
