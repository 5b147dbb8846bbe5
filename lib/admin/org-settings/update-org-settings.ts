import { changeOrgSettings } from "../../org-settings/change-org-settings";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { orgSettingsInput, type OrgSettingsBody } from "./org-settings-input";
import { ORG_SETTINGS_PATH, orgSettingsJson } from "./org-settings-json";

/**
 * POST /api/v1/org/settings {lockoutThreshold?, sessionIdleMinutes?, sessionMaxMinutes?,
 * systemLogRetentionDays?, refreshTokenGraceSeconds?, passwordlessPasskeys?, selfServiceProfileAttributes?,
 * passwordChangeEndsSessions?, defaultLocale?, recoveryTokenLifetimeMinutes?, endSessionsOnPasswordReset?} -> 200 the
 * settings in force. A partial
 * update (as Okta's POST on org objects): fields left out keep their values. Every reader takes the
 * settings from the database on each use, so a change applies at once on every instance. A change
 * is logged as `system.org.settings.update` with each old and new value; no change, no event.
 */
export async function updateOrgSettings(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runUpdateOrgSettings(ctx, () => readJsonBody<OrgSettingsBody>(ctx.request)) };
}

/** updateOrgSettings as a typed operation: the settings in force. */
export async function runUpdateOrgSettings(ctx: OperationContext, body: Deferred<OrgSettingsBody>) {
  const input = parseInput(orgSettingsInput, body(), "orgSettings");
  const { settings, lastUpdated } = await changeOrgSettings(ctx.db, { changes: input, now: ctx.now() }, (tx, { changed, before, after }) =>
    audit(tx, ctx, "system.org.settings.update", `Update org settings: ${changed.join(", ")}`, [{ id: "org", type: "OrgSettings", alternateId: ORG_SETTINGS_PATH }], {
      changes: Object.fromEntries(changed.map((field) => [field, { from: before[field], to: after[field] }])),
    }),
  );
  return orgSettingsJson(ctx.orgUrl, settings, lastUpdated);
}
