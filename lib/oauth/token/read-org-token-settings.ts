import { DEFAULT_ORG_SETTINGS } from "../../bootstrap/default-org-settings";
import { readOrgSettings } from "../../bootstrap/read-org-settings";
import type { Db, DbTx } from "../../db/create-db-client";

export type OrgTokenSettings = {
  /** consecutive failed password checks before LOCKED_OUT; 0 = never lock */
  lockoutThreshold: number;
  /** seconds a rotated refresh token may still be exchanged (0-60) */
  refreshTokenGraceSeconds: number;
};

export const MAX_GRACE_SECONDS = 60;

/** The org settings the token service applies, read live from OrgSettings.settings (admins change them). */
export async function readOrgTokenSettings(db: Db | DbTx): Promise<OrgTokenSettings> {
  return parseOrgTokenSettings(await readOrgSettings(db));
}

/**
 * The token settings of an org settings object (pure), read defensively: a missing or non-numeric
 * value falls back to the default, the grace period is clamped to 0-60 s, and a negative threshold
 * counts as the default.
 */
export function parseOrgTokenSettings(settings: Record<string, unknown>): OrgTokenSettings {
  const threshold = settings.lockoutThreshold;
  const grace = settings.refreshTokenGraceSeconds;
  return {
    lockoutThreshold: typeof threshold === "number" && Number.isFinite(threshold) && threshold >= 0 ? Math.floor(threshold) : DEFAULT_ORG_SETTINGS.lockoutThreshold,
    refreshTokenGraceSeconds:
      typeof grace === "number" && Number.isFinite(grace) ? Math.min(Math.max(Math.floor(grace), 0), MAX_GRACE_SECONDS) : DEFAULT_ORG_SETTINGS.refreshTokenGraceSeconds,
  };
}
