import { z } from "zod";

/**
 * The org-wide security settings (OrgSettings.settings, one JSON object), declared once: each
 * field's range and default. The admin API validates a change against the ranges
 * (orgSettingsInput); every reader gets the values in force through one schema
 * (storedOrgSettings, via readOrgSettings), so what the API shows is what applies.
 */
export const ORG_SETTINGS_FIELDS = {
  /** consecutive failed sign-ins before LOCKED_OUT; 0 = never lock (Okta's lockout policy allows at most 100) */
  lockoutThreshold: { min: 0, max: 100, default: 10 },
  /** an SSO session (cookie `sid`) ends when unused this long (sliding idle timeout); Okta caps it at 90 days */
  sessionIdleMinutes: { min: 1, max: 90 * 24 * 60, default: 120 },
  /** ... and this long after sign-in whatever the activity (absolute lifetime); at most 90 days */
  sessionMaxMinutes: { min: 1, max: 90 * 24 * 60, default: 24 * 60 },
  /** days System Log events are kept: Okta keeps 90; an org may keep them from 1 day to 10 years */
  systemLogRetentionDays: { min: 1, max: 3650, default: 90 },
  /** seconds a rotated refresh token may still be used (parallel tabs) */
  refreshTokenGraceSeconds: { min: 0, max: 60, default: 30 },
} as const;

export type OrgSettingsField = keyof typeof ORG_SETTINGS_FIELDS;
export type OrgSettings = Record<OrgSettingsField, number>;

export const MAX_LOCKOUT_THRESHOLD = ORG_SETTINGS_FIELDS.lockoutThreshold.max;
export const MAX_SESSION_MINUTES = ORG_SETTINGS_FIELDS.sessionMaxMinutes.max;
export const MAX_LOG_RETENTION_DAYS = ORG_SETTINGS_FIELDS.systemLogRetentionDays.max;
export const MAX_GRACE_SECONDS = ORG_SETTINGS_FIELDS.refreshTokenGraceSeconds.max;

/** Written at bootstrap; admins change them later (POST /api/v1/org/settings, the dashboard's Settings page). */
export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  lockoutThreshold: ORG_SETTINGS_FIELDS.lockoutThreshold.default,
  sessionIdleMinutes: ORG_SETTINGS_FIELDS.sessionIdleMinutes.default,
  sessionMaxMinutes: ORG_SETTINGS_FIELDS.sessionMaxMinutes.default,
  systemLogRetentionDays: ORG_SETTINGS_FIELDS.systemLogRetentionDays.default,
  refreshTokenGraceSeconds: ORG_SETTINGS_FIELDS.refreshTokenGraceSeconds.default,
};

/** A settings value as an object (pure): anything but a plain JSON object is `{}`. */
export function toSettingsObject(settings: unknown): Record<string, unknown> {
  return (settings && typeof settings === "object" && !Array.isArray(settings) ? settings : {}) as Record<string, unknown>;
}

const inRange = (field: OrgSettingsField) => {
  const { min, max } = ORG_SETTINGS_FIELDS[field];
  const message = `Must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

/**
 * POST /api/v1/org/settings: the settings to change, each optional (the others stay). Unknown
 * fields are refused, never ignored.
 */
export const orgSettingsInput = z.strictObject({
  lockoutThreshold: inRange("lockoutThreshold").optional(),
  sessionIdleMinutes: inRange("sessionIdleMinutes").optional(),
  sessionMaxMinutes: inRange("sessionMaxMinutes").optional(),
  systemLogRetentionDays: inRange("systemLogRetentionDays").optional(),
  refreshTokenGraceSeconds: inRange("refreshTokenGraceSeconds").optional(),
});

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
export const storedOrgSettings = z.preprocess(
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
