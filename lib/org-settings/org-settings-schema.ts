import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from "../i18n/locales";

/**
 * The org-wide security settings (OrgSettings.settings, one JSON object), declared once: each
 * field's kind (a whole number in a range, a boolean, or one of a list of values) and default. The admin API validates a change against the ranges
 * (lib/admin/org-settings/org-settings-input.ts); every reader gets the values in force through one schema
 * (parseOrgSettings, via readOrgSettings), so what the API shows is what applies.
 */
/**
 * The profile attributes an org may let signed-in users edit themselves on My Account (`/account`):
 * names and contact details of the Okta profile (login and email are not among them: a login is
 * the administrator's, an email changes through its own verified step).
 */
export const SELF_SERVICE_PROFILE_ATTRIBUTES = [
  "firstName",
  "lastName",
  "displayName",
  "nickName",
  "middleName",
  "honorificPrefix",
  "honorificSuffix",
  "mobilePhone",
  "primaryPhone",
  "locale",
  "timezone",
  "preferredLanguage",
] as const;
export type SelfServiceProfileAttribute = (typeof SELF_SERVICE_PROFILE_ATTRIBUTES)[number];

/** The attributes the "Create account" page may ask for besides email, first and last name (always asked). */
export const REGISTRATION_PROFILE_ATTRIBUTES = SELF_SERVICE_PROFILE_ATTRIBUTES.filter((name) => name !== "firstName" && name !== "lastName");

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
  /** the profile attributes users edit themselves on My Account (`/account`), a subset of SELF_SERVICE_PROFILE_ATTRIBUTES */
  selfServiceProfileAttributes: { kind: "list", options: SELF_SERVICE_PROFILE_ATTRIBUTES, default: ["firstName", "lastName", "displayName"] },
  /** a user's own password change (My Account) also ends their other sessions and revokes their apps' refresh tokens */
  passwordChangeEndsSessions: { kind: "boolean", default: true },
  /**
   * the language of the hosted pages and emails when neither the app (ui_locales) nor the browser
   * (Accept-Language) asks for one this server speaks (negotiateLocale)
   */
  defaultLocale: { kind: "choice", values: SUPPORTED_LOCALES, default: DEFAULT_LOCALE },
  /**
   * minutes a password-recovery link (`/signin/reset-password/{token}`, the recovery token of
   * /api/v1/authn/recovery/token) stays valid; Okta's password policy: recoveryToken.tokenLifetimeMinutes, default 60
   */
  recoveryTokenLifetimeMinutes: { kind: "number", min: 5, max: 7 * 24 * 60, default: 60 },
  /** a password reset (recovery link, authn reset_password) ends the user's other sessions and revokes their refresh tokens */
  endSessionsOnPasswordReset: { kind: "boolean", default: true },
  /** self-service registration: the hosted "Create account" page (`/signin/register`), with email verification (lib/registration); off by default */
  selfServiceRegistration: { kind: "boolean", default: false },
  /** what the "Create account" page asks for besides email, first and last name (a subset of REGISTRATION_PROFILE_ATTRIBUTES) */
  registrationProfileAttributes: { kind: "list", options: REGISTRATION_PROFILE_ATTRIBUTES, default: [] },
  /** the groups (OKTA_GROUP ids) a self-registered user joins once their email is verified (Okta's registration policy "Add to group") */
  registrationDefaultGroupIds: { kind: "ids", prefix: "00g", max: 20, default: [] },
  /** minutes a registration's email-verification link stays valid; an unverified registration is removed after that */
  registrationLinkLifetimeMinutes: { kind: "number", min: 5, max: 7 * 24 * 60, default: 24 * 60 },
  /** registrations accepted per minute across the org (a global cap on top of the per-address and per-IP limits) */
  registrationsPerMinute: { kind: "number", min: 1, max: 10_000, default: 30 },
} as const satisfies Record<string, OrgSettingsFieldSpec>;

/** How one setting is declared: a whole number in [min, max], a boolean, one of `values`, or a list of distinct names out of `options` (kept in the options' order). */
export type OrgSettingsFieldSpec =
  | { kind: "number"; min: number; max: number; default: number }
  | { kind: "boolean"; default: boolean }
  | { kind: "choice"; values: readonly string[]; default: string }
  | { kind: "list"; options: readonly string[]; default: readonly string[] }
  /** a list of at most `max` distinct Okta ids with `prefix` (existence is checked where they are used) */
  | { kind: "ids"; prefix: string; max: number; default: readonly string[] };

export type OrgSettingsField = keyof typeof ORG_SETTINGS_FIELDS;
/** The settings whose values are numbers, and those that are booleans. */
export type NumericOrgSettingsField = { [K in OrgSettingsField]: (typeof ORG_SETTINGS_FIELDS)[K]["kind"] extends "number" ? K : never }[OrgSettingsField];
export type BooleanOrgSettingsField = { [K in OrgSettingsField]: (typeof ORG_SETTINGS_FIELDS)[K]["kind"] extends "boolean" ? K : never }[OrgSettingsField];
export type ListOrgSettingsField = { [K in OrgSettingsField]: (typeof ORG_SETTINGS_FIELDS)[K]["kind"] extends "list" ? K : never }[OrgSettingsField];
type FieldValue<S> = S extends { kind: "boolean" } ? boolean : S extends { kind: "ids" } ? string[] : S extends { kind: "choice"; values: readonly (infer V)[] } ? V : S extends { kind: "list"; options: readonly (infer O)[] } ? O[] : number;
export type OrgSettings = { [K in OrgSettingsField]: FieldValue<(typeof ORG_SETTINGS_FIELDS)[K]> };

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
  selfServiceProfileAttributes: [...ORG_SETTINGS_FIELDS.selfServiceProfileAttributes.default],
  passwordChangeEndsSessions: ORG_SETTINGS_FIELDS.passwordChangeEndsSessions.default,
  defaultLocale: ORG_SETTINGS_FIELDS.defaultLocale.default,
  recoveryTokenLifetimeMinutes: ORG_SETTINGS_FIELDS.recoveryTokenLifetimeMinutes.default,
  endSessionsOnPasswordReset: ORG_SETTINGS_FIELDS.endSessionsOnPasswordReset.default,
  selfServiceRegistration: ORG_SETTINGS_FIELDS.selfServiceRegistration.default,
  registrationProfileAttributes: [...ORG_SETTINGS_FIELDS.registrationProfileAttributes.default],
  registrationDefaultGroupIds: [...ORG_SETTINGS_FIELDS.registrationDefaultGroupIds.default],
  registrationLinkLifetimeMinutes: ORG_SETTINGS_FIELDS.registrationLinkLifetimeMinutes.default,
  registrationsPerMinute: ORG_SETTINGS_FIELDS.registrationsPerMinute.default,
};

/** An id of an `ids` setting: the prefix and 17 base62 characters (lib/ids). */
export function isIdOf(spec: { prefix: string }, value: unknown): value is string {
  return typeof value === "string" && value.length === spec.prefix.length + 17 && value.startsWith(spec.prefix) && /^[0-9A-Za-z]+$/.test(value);
}
