import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { ORG_SETTINGS_FIELDS, type OrgSettingsField } from "../../org-settings/org-settings-schema";

/** A whole number in the field's range (ORG_SETTINGS_FIELDS). */
const wholeNumber = (field: OrgSettingsField) => {
  const { min, max } = ORG_SETTINGS_FIELDS[field];
  const message = `Must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

/**
 * POST /api/v1/org/settings: the settings to change, each optional (the others stay). Unknown
 * fields are refused, never ignored.
 */
export const orgSettingsInput = z.strictObject({
  lockoutThreshold: wholeNumber("lockoutThreshold").optional(),
  sessionIdleMinutes: wholeNumber("sessionIdleMinutes").optional(),
  sessionMaxMinutes: wholeNumber("sessionMaxMinutes").optional(),
  systemLogRetentionDays: wholeNumber("systemLogRetentionDays").optional(),
  refreshTokenGraceSeconds: wholeNumber("refreshTokenGraceSeconds").optional(),
});

export type OrgSettingsBody = BodyOf<typeof orgSettingsInput>;
