/** Org-wide defaults written at bootstrap; admins change them later (POST /api/v1/org/settings, the dashboard's Settings page). */
export const DEFAULT_ORG_SETTINGS = {
  /** consecutive failed sign-ins before LOCKED_OUT */
  lockoutThreshold: 10,
  /** an SSO session (cookie `sid`) ends when unused this long (sliding idle timeout) */
  sessionIdleMinutes: 120,
  /** ... and this long after sign-in whatever the activity (absolute lifetime) */
  sessionMaxMinutes: 24 * 60,
  systemLogRetentionDays: 90,
  /** how long a rotated refresh token may still be used (parallel tabs), 0-60 */
  refreshTokenGraceSeconds: 30,
};
