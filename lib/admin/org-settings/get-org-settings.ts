import { parseOrgSettings } from "../../org-settings/parse-org-settings";
import type { AdminContext, AdminResponse } from "../admin-request";
import { orgSettingsJson } from "./org-settings-json";

/**
 * GET /api/v1/org/settings -> 200 {lockoutThreshold, sessionIdleMinutes, sessionMaxMinutes,
 * systemLogRetentionDays, refreshTokenGraceSeconds, lastUpdated, _links}: the org-wide security
 * settings in force (this server's extension; Okta keeps them in its policies).
 */
export async function getOrgSettings(ctx: AdminContext): Promise<AdminResponse> {
  const org = await ctx.db.orgSettings.findUniqueOrThrow({ where: { id: "org" }, select: { settings: true, lastUpdated: true } });
  return { status: 200, body: orgSettingsJson(ctx.orgUrl, parseOrgSettings(org.settings), org.lastUpdated) };
}
