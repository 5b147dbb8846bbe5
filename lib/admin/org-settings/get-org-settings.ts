import { readOrgSettingsRecord } from "../../org-settings/read-org-settings-record";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { orgSettingsJson } from "./org-settings-json";

/**
 * GET /api/v1/org/settings -> 200 {lockoutThreshold, sessionIdleMinutes, sessionMaxMinutes,
 * systemLogRetentionDays, refreshTokenGraceSeconds, passwordlessPasskeys, defaultLocale, lastUpdated, _links}: the org-wide
 * settings in force (this server's extension; Okta keeps them in its policies).
 */
export async function getOrgSettings(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetOrgSettings(ctx) };
}

/** getOrgSettings as a typed operation. */
export async function runGetOrgSettings(ctx: OperationContext) {
  const { settings, lastUpdated } = await readOrgSettingsRecord(ctx.db);
  return orgSettingsJson(ctx.orgUrl, settings, lastUpdated);
}
