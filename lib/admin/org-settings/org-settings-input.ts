import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { ORG_SETTINGS_FIELDS, type OrgSettingsFieldSpec } from "../../org-settings/org-settings-schema";

/** A value of the field's kind (ORG_SETTINGS_FIELDS): a whole number in its range, or a boolean. */
function fieldInput(spec: OrgSettingsFieldSpec) {
  if (spec.kind === "boolean") return z.boolean({ error: "Must be true or false." });
  const { min, max } = spec;
  const message = `Must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}
const field = <K extends keyof typeof ORG_SETTINGS_FIELDS>(name: K) => fieldInput(ORG_SETTINGS_FIELDS[name]) as (typeof ORG_SETTINGS_FIELDS)[K]["kind"] extends "boolean" ? z.ZodBoolean : z.ZodNumber;

/**
 * POST /api/v1/org/settings: the settings to change, each optional (the others stay). Unknown
 * fields are refused, never ignored.
 */
export const orgSettingsInput = z.strictObject({
  lockoutThreshold: field("lockoutThreshold").optional(),
  sessionIdleMinutes: field("sessionIdleMinutes").optional(),
  sessionMaxMinutes: field("sessionMaxMinutes").optional(),
  systemLogRetentionDays: field("systemLogRetentionDays").optional(),
  refreshTokenGraceSeconds: field("refreshTokenGraceSeconds").optional(),
  passwordlessPasskeys: field("passwordlessPasskeys").optional(),
  recoveryTokenLifetimeMinutes: field("recoveryTokenLifetimeMinutes").optional(),
  endSessionsOnPasswordReset: field("endSessionsOnPasswordReset").optional(),
});

export type OrgSettingsBody = BodyOf<typeof orgSettingsInput>;
