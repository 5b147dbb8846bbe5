import { parseLogRetentionDays } from "../../housekeeping/parse-log-retention-days";
import { parseOrgTokenSettings } from "../../oauth/token/read-org-token-settings";
import { parseSessionSettings } from "../../sessions/read-session-settings";

/** The org-wide settings in force, each as the code that applies it reads it. */
export type OrgSettingsValues = {
  lockoutThreshold: number;
  sessionIdleMinutes: number;
  sessionMaxMinutes: number;
  systemLogRetentionDays: number;
  refreshTokenGraceSeconds: number;
};

/**
 * The effective values of a stored settings object (pure): the very readers of the token service,
 * sessions and housekeeping, so what the API shows is what applies (defaults for missing values).
 */
export function parseOrgSettings(settings: Record<string, unknown>): OrgSettingsValues {
  const token = parseOrgTokenSettings(settings);
  const session = parseSessionSettings(settings);
  return {
    lockoutThreshold: token.lockoutThreshold,
    sessionIdleMinutes: session.idleMinutes,
    sessionMaxMinutes: session.lifetimeMinutes,
    systemLogRetentionDays: parseLogRetentionDays(settings),
    refreshTokenGraceSeconds: token.refreshTokenGraceSeconds,
  };
}
