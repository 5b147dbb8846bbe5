// The settings page's field ranges: the limits the admin API validates a change against (ORG_SETTINGS_FIELDS).
export { MAX_GRACE_SECONDS, MAX_LOCKOUT_THRESHOLD, MAX_LOG_RETENTION_DAYS, MAX_SESSION_MINUTES, RECOVERY_TOKEN_MINUTES } from "../org-settings/org-settings-schema";
export { REGISTRATION_PROFILE_ATTRIBUTES } from "../org-settings/org-settings-schema";
import { ORG_SETTINGS_FIELDS } from "../org-settings/org-settings-schema";

/** The registration settings' ranges (the Settings page's number fields). */
export const REGISTRATION_LIMITS = {
  linkMinutes: { min: ORG_SETTINGS_FIELDS.registrationLinkLifetimeMinutes.min, max: ORG_SETTINGS_FIELDS.registrationLinkLifetimeMinutes.max },
  perMinute: { min: ORG_SETTINGS_FIELDS.registrationsPerMinute.min, max: ORG_SETTINGS_FIELDS.registrationsPerMinute.max },
};
