/**
 * The org-wide security settings (OrgSettings.settings, one JSON object), declared once: each
 * field's kind (a whole number in a range, or a boolean) and default. The admin API validates a change against the ranges
 * (lib/admin/org-settings/org-settings-input.ts); every reader gets the values in force through one schema
 * (parseOrgSettings, via readOrgSettings), so what the API shows is what applies.
 */
export const ORG_SETTINGS_FIELDS = {
  /** consecutive failed sign-ins before LOCKED_OUT; 0 = never lock (Okta's lockout policy allows at most 100) */
  lockoutThreshold: { kind: "number", min: 0, max: 100, default: 10 },
  /** an SSO session (cookie `sid`) ends when unused this long (sliding idle timeout); Okta caps it at 90 days */
  sessionIdleMinutes: { kind: "number", min: 1, max: 90 * 24 * 60, default: 120 },
  /** ... and this long after sign-in whatever the activity (absolute lifetime); at most 90 days */
  sessionMaxMinutes: { kind: "number", min: 1, max: 90 * 24 * 60, default: 24 * 60 },
  /** days System Log events are kept: Okta keeps 90; an org may keep them from 1 day to 10 years */
  systemLogRetentionDays: { kind: "number", min: 1, max: 3650, default: 90 },
  /** seconds a rotated refresh token may still be used (parallel tabs) */
  refreshTokenGraceSeconds: { kind: "number", min: 0, max: 60, default: 30 },
  /** the hosted sign-in page offers "Sign in with a passkey" (a discoverable WebAuthn credential, no password) */
  passwordlessPasskeys: { kind: "boolean", default: false },
  /**
   * minutes a password-recovery link (`/signin/reset-password/{token}`, the recovery token of
   * /api/v1/authn/recovery/token) stays valid; Okta's password policy: recoveryToken.tokenLifetimeMinutes, default 60
   */
  recoveryTokenLifetimeMinutes: { kind: "number", min: 5, max: 7 * 24 * 60, default: 60 },
  /** a password reset (recovery link, authn reset_password) ends the user's other sessions and revokes their refresh tokens */
  endSessionsOnPasswordReset: { kind: "boolean", default: true },
} as const satisfies Record<string, OrgSettingsFieldSpec>;

/** How one setting is declared: a whole number in [min, max], or a boolean. */
export type OrgSettingsFieldSpec = { kind: "number"; min: number; max: number; default: number } | { kind: "boolean"; default: boolean };

export type OrgSettingsField = keyof typeof ORG_SETTINGS_FIELDS;
/** The settings whose values are numbers, and those that are booleans. */
export type NumericOrgSettingsField = { [K in OrgSettingsField]: (typeof ORG_SETTINGS_FIELDS)[K]["kind"] extends "number" ? K : never }[OrgSettingsField];
export type BooleanOrgSettingsField = Exclude<OrgSettingsField, NumericOrgSettingsField>;
export type OrgSettings = { [K in OrgSettingsField]: (typeof ORG_SETTINGS_FIELDS)[K]["kind"] extends "boolean" ? boolean : number };

export const MAX_LOCKOUT_THRESHOLD = ORG_SETTINGS_FIELDS.lockoutThreshold.max;
export const MAX_SESSION_MINUTES = ORG_SETTINGS_FIELDS.sessionMaxMinutes.max;
export const MAX_LOG_RETENTION_DAYS = ORG_SETTINGS_FIELDS.systemLogRetentionDays.max;
export const MAX_GRACE_SECONDS = ORG_SETTINGS_FIELDS.refreshTokenGraceSeconds.max;
export const RECOVERY_TOKEN_MINUTES = { min: ORG_SETTINGS_FIELDS.recoveryTokenLifetimeMinutes.min, max: ORG_SETTINGS_FIELDS.recoveryTokenLifetimeMinutes.max };

/** Written at bootstrap; admins change them later (POST /api/v1/org/settings, the dashboard's Settings page). */
export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  lockoutThreshold: ORG_SETTINGS_FIELDS.lockoutThreshold.default,
  sessionIdleMinutes: ORG_SETTINGS_FIELDS.sessionIdleMinutes.default,
  sessionMaxMinutes: ORG_SETTINGS_FIELDS.sessionMaxMinutes.default,
  systemLogRetentionDays: ORG_SETTINGS_FIELDS.systemLogRetentionDays.default,
  refreshTokenGraceSeconds: ORG_SETTINGS_FIELDS.refreshTokenGraceSeconds.default,
  passwordlessPasskeys: ORG_SETTINGS_FIELDS.passwordlessPasskeys.default,
  recoveryTokenLifetimeMinutes: ORG_SETTINGS_FIELDS.recoveryTokenLifetimeMinutes.default,
  endSessionsOnPasswordReset: ORG_SETTINGS_FIELDS.endSessionsOnPasswordReset.default,
};
