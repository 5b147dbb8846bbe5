// The settings page's field ranges: the limits the admin API validates a change against (ORG_SETTINGS_FIELDS).
export { MAX_GRACE_SECONDS, MAX_LOCKOUT_THRESHOLD, MAX_LOG_RETENTION_DAYS, MAX_SESSION_MINUTES, RECOVERY_TOKEN_MINUTES } from "../org-settings/org-settings-schema";
