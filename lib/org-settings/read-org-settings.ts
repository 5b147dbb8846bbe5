import type { Db, DbTx } from "../db/create-db-client";
import type { OrgSettings } from "./org-settings-schema";
import { parseOrgSettings } from "./parse-org-settings";

/**
 * The org settings in force, read live on each use (admins change them; a change applies at once on
 * every instance): the one reader of OrgSettings.settings for the token service, sign-in, sessions
 * and housekeeping.
 */
export async function readOrgSettings(db: Db | DbTx): Promise<OrgSettings> {
  const org = await db.orgSettings.findUnique({ where: { id: "org" }, select: { settings: true } });
  return parseOrgSettings(org?.settings);
}
