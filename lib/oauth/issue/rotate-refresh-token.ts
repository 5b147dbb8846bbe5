import type { Db } from "../../db/create-db-client";
import { createRefreshToken, type CreatedRefreshToken } from "./create-refresh-token";
import type { TokenDecision } from "./token-decision";

/** The presented refresh token as the refresh grant read it. */
export type PresentedRefreshToken = {
  id: string;
  familyId: string;
  authServerId: string;
  clientId: string;
  userId: string;
  scopes: readonly string[];
  /** ACTIVE | ROTATED | REVOKED */
  status: string;
  authTime: Date | null;
  decision: TokenDecision;
  expiresAt: Date | null;
  rotated: Date | null;
};

export type RotationResult =
  /** `grace`: the presented token had already been rotated, within the grace period */
  | ({ ok: true; grace: boolean } & CreatedRefreshToken)
  /** `reused`: a rotated token after its grace period (the caller revokes the family); `revoked`: revoked meanwhile */
  | { ok: false; reason: "reused" | "revoked" };

/** Whether a token rotated at `rotated` may still be exchanged at `now` (parallel tabs). */
export function isWithinGrace(rotated: Date | null, graceSeconds: number, now: Date): boolean {
  return rotated !== null && rotated.getTime() + graceSeconds * 1000 > now.getTime();
}

/**
 * Refresh token rotation with reuse detection (RFC 9700 4.14.2), atomic across instances:
 *
 * - An ACTIVE token becomes ROTATED (`rotated` = now) through a conditional update whose
 *   affected-row count decides: exactly one of any number of parallel requests wins it. The
 *   winner gets a new ACTIVE token of the same family (parentId = the presented token, a fresh
 *   sliding window, the family's absolute expiry and scopes inherited).
 * - A ROTATED token presented within `graceSeconds` of its rotation (a second tab that sent the
 *   same token; also the losers of the race above) is exchanged again: it yields another fresh
 *   ACTIVE token of the family (a sibling of the first child, same parent). The presented token
 *   stays ROTATED with its original `rotated` time, so the grace period is never extended, and the
 *   earlier child stays valid. The conditional update that confirms it is still ROTATED also locks
 *   its row, so a concurrent revocation of the family cannot be overtaken.
 * - A ROTATED token after the grace period is a reuse: `reused`, and the caller revokes the family.
 *   With a grace period of 0, the loser of a parallel exchange is a reuse too.
 */
export async function rotateRefreshToken(
  db: Db,
  presented: PresentedRefreshToken,
  options: { graceSeconds: number; now: Date; random?: (size: number) => Buffer },
): Promise<RotationResult> {
  const { now, graceSeconds } = options;
  return db.$transaction(async (tx): Promise<RotationResult> => {
    let grace = false;
    if (presented.status === "ACTIVE") {
      const claimed = await tx.refreshToken.updateMany({ where: { id: presented.id, status: "ACTIVE" }, data: { status: "ROTATED", rotated: now } });
      if (claimed.count !== 1) {
        const current = await tx.refreshToken.findUnique({ where: { id: presented.id }, select: { status: true, rotated: true } });
        if (current?.status !== "ROTATED") return { ok: false, reason: "revoked" };
        if (!isWithinGrace(current.rotated, graceSeconds, now)) return { ok: false, reason: "reused" };
        grace = true;
      }
    } else if (presented.status === "ROTATED") {
      if (!isWithinGrace(presented.rotated, graceSeconds, now)) return { ok: false, reason: "reused" };
      const held = await tx.refreshToken.updateMany({ where: { id: presented.id, status: "ROTATED" }, data: { rotated: presented.rotated } });
      if (held.count !== 1) return { ok: false, reason: "revoked" };
      grace = true;
    } else {
      return { ok: false, reason: "revoked" };
    }
    const created = await createRefreshToken(tx, {
      authServerId: presented.authServerId,
      clientId: presented.clientId,
      userId: presented.userId,
      familyId: presented.familyId,
      parentId: presented.id,
      scopes: presented.scopes,
      authTime: presented.authTime,
      decision: presented.decision,
      expiresAt: presented.expiresAt,
      now,
      random: options.random,
    });
    return { ok: true, grace, ...created };
  });
}
