import { z } from "zod";
import { ORG_SETTINGS_FIELDS, type OrgSettings, type OrgSettingsField } from "./org-settings-schema";

/** A settings value as an object (pure): anything but a plain JSON object is `{}`. */
export function toSettingsObject(settings: unknown): Record<string, unknown> {
  return (settings && typeof settings === "object" && !Array.isArray(settings) ? settings : {}) as Record<string, unknown>;
}

/**
 * A stored value, read defensively (rows are written by the API, but may predate a field or be
 * edited by hand): a finite number is floored and clamped down to the maximum; anything else
 * (missing, not a number, below the minimum) is the default.
 */
const stored = (field: OrgSettingsField) => {
  const { min, max, default: fallback } = ORG_SETTINGS_FIELDS[field];
  return z
    .number()
    .transform(Math.floor)
    .refine((value) => value >= min)
    .transform((value) => Math.min(value, max))
    .catch(fallback);
};

/** The settings in force of a stored OrgSettings.settings value (no row, or not an object: every default). */
const storedOrgSettings = z.preprocess(
  toSettingsObject,
  z.object({
    lockoutThreshold: stored("lockoutThreshold"),
    sessionIdleMinutes: stored("sessionIdleMinutes"),
    sessionMaxMinutes: stored("sessionMaxMinutes"),
    systemLogRetentionDays: stored("systemLogRetentionDays"),
    refreshTokenGraceSeconds: stored("refreshTokenGraceSeconds"),
  }),
);

/** The settings in force of a stored value (pure). */
export function parseOrgSettings(settings: unknown): OrgSettings {
  return storedOrgSettings.parse(settings);
}
