import { isoTime, link } from "../../okta-api/links";
import type { OrgSettings } from "../../org-settings/org-settings-schema";

export const ORG_SETTINGS_PATH = "/api/v1/org/settings";

/** The org settings resource: the values in force and when they last changed. */
export function orgSettingsJson(orgUrl: string, values: OrgSettings, lastUpdated: Date) {
  return { ...values, lastUpdated: isoTime(lastUpdated), _links: { self: link(orgUrl, ORG_SETTINGS_PATH, ["GET", "POST"]) } };
}
