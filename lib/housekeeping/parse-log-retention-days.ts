import { DEFAULT_ORG_SETTINGS } from "../bootstrap/default-org-settings";

/** Okta keeps the System Log 90 days; an org may keep it from 1 day to 10 years. */
export const MAX_LOG_RETENTION_DAYS = 3650;

/**
 * How many days System Log events are kept (org setting `systemLogRetentionDays`, pure): whole
 * days from 1 to MAX_LOG_RETENTION_DAYS; a missing, non-numeric or non-positive value is the
 * default (90), a larger one is clamped.
 */
export function parseLogRetentionDays(settings: Record<string, unknown>): number {
  const value = settings.systemLogRetentionDays;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1) return DEFAULT_ORG_SETTINGS.systemLogRetentionDays;
  return Math.min(Math.floor(value), MAX_LOG_RETENTION_DAYS);
}
