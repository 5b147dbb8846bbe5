/**
 * The org-wide security settings (OrgSettings.settings, one JSON object), declared once: each
 * field's range and default. The admin API validates a change against the ranges
 * (lib/admin/org-settings/org-settings-input.ts); every reader gets the values in force through one schema
 * (parseOrgSettings, via readOrgSettings), so what the API shows is what applies.
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
