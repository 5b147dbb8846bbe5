import type { Db } from "../../db/create-db-client";
import type { TokenDecision } from "./token-decision";

const MINUTE_MS = 60_000;

/**
 * A refresh token exchanged without being rotated (no offline_access in the narrowed scopes) stays
 * ACTIVE and its sliding window restarts from `now`; a token rotated or revoked meanwhile is left
 * alone.
 */
export async function extendRefreshTokenWindow(db: Db, input: { id: string; decision: TokenDecision; now: Date }): Promise<void> {
  const windowEndsAt = new Date(input.now.getTime() + input.decision.refreshTokenWindowMinutes * MINUTE_MS);
  await db.refreshToken.updateMany({ where: { id: input.id, status: "ACTIVE" }, data: { windowEndsAt } });
}
