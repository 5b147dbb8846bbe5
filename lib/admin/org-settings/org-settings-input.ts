import type { BodyOf } from "../parse-input";
import { z } from "zod";
import { MAX_LOG_RETENTION_DAYS } from "../../housekeeping/parse-log-retention-days";
import { MAX_GRACE_SECONDS } from "../../oauth/token/read-org-token-settings";
import { MAX_SESSION_MINUTES } from "../../sessions/read-session-settings";

/** Okta's lockout policy allows at most 100 attempts; 0 turns lockout off. */
export const MAX_LOCKOUT_THRESHOLD = 100;

const wholeNumber = (min: number, max: number) => {
  const message = `Must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

/**
 * POST /api/v1/org/settings: the settings to change, each optional (the others stay). Unknown
 * fields are refused, never ignored.
 */
export const orgSettingsInput = z.strictObject({
  lockoutThreshold: wholeNumber(0, MAX_LOCKOUT_THRESHOLD).optional(),
  sessionIdleMinutes: wholeNumber(1, MAX_SESSION_MINUTES).optional(),
  sessionMaxMinutes: wholeNumber(1, MAX_SESSION_MINUTES).optional(),
  systemLogRetentionDays: wholeNumber(1, MAX_LOG_RETENTION_DAYS).optional(),
  refreshTokenGraceSeconds: wholeNumber(0, MAX_GRACE_SECONDS).optional(),
});

export type OrgSettingsBody = BodyOf<typeof orgSettingsInput>;
