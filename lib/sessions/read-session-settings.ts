import { DEFAULT_ORG_SETTINGS } from "../bootstrap/default-org-settings";
import { readOrgSettings } from "../bootstrap/read-org-settings";
import type { Db, DbTx } from "../db/create-db-client";

export type SessionSettings = {
  /** sliding idle timeout (org setting `sessionIdleMinutes`) */
  idleMinutes: number;
  /** absolute lifetime from sign-in (org setting `sessionMaxMinutes`) */
  lifetimeMinutes: number;
};

/** Okta caps both session timeouts at 90 days. */
export const MAX_SESSION_MINUTES = 90 * 24 * 60;

function minutes(value: unknown, fallback: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1) return fallback;
  return Math.min(Math.floor(value), MAX_SESSION_MINUTES);
}

/**
 * The session timeouts of an org settings object (pure): whole minutes from 1 to 90 days; a
 * missing, non-numeric or non-positive value falls back to the default (120 idle, 1440 absolute),
 * a larger one is clamped to 90 days.
 */
export function parseSessionSettings(settings: Record<string, unknown>): SessionSettings {
  return {
    idleMinutes: minutes(settings.sessionIdleMinutes, DEFAULT_ORG_SETTINGS.sessionIdleMinutes),
    lifetimeMinutes: minutes(settings.sessionMaxMinutes, DEFAULT_ORG_SETTINGS.sessionMaxMinutes),
  };
}

/** The session timeouts, read live from the org settings (admins change them). */
export async function readSessionSettings(db: Db | DbTx): Promise<SessionSettings> {
  return parseSessionSettings(await readOrgSettings(db));
}
