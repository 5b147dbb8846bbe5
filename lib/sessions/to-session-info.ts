import type { SessionInfo } from "./types";

export type SessionRow = { id: string; userId: string; authTime: Date; amr: unknown; factorVerifiedAt?: Date | null; idleExpiresAt: Date; expiresAt: Date };

/** A UserSession row (amr read defensively: a JSON array of strings) as SessionInfo. */
export function toSessionInfo(row: SessionRow, login: string): SessionInfo {
  const amr = Array.isArray(row.amr) ? row.amr.filter((item): item is string => typeof item === "string") : [];
  return { id: row.id, userId: row.userId, login, authTime: row.authTime, amr, factorVerifiedAt: row.factorVerifiedAt ?? null, idleExpiresAt: row.idleExpiresAt, expiresAt: row.expiresAt };
}
