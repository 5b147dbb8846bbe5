import type { Db } from "../../db/create-db-client";
import { lockRefreshTokenFamily, type RefreshTokenFamilyState } from "../tokens/lock-refresh-token-family";
import { createRotatedRefreshToken, type CreatedRefreshToken } from "./create-refresh-token";
import type { TokenDecision } from "./token-decision";

/** The presented refresh token as the refresh grant read it, with what its family holds. */
export type PresentedRefreshToken = {
  id: string;
  familyId: string;
  decision: TokenDecision;
  /** the family's absolute end */
  expiresAt: Date | null;
};

/**
 * How many extra tokens one rotated token may yield within the grace period (parallel tabs, a lost
 * response retried). Beyond it a reuse is refused, and the family lives on.
 */
export const MAX_GRACE_SIBLINGS = 3;

/** Why a reuse of a rotated token is a replay (the caller revokes the family). */
export type ReuseReason = "no_grace_period" | "grace_period_over" | "superseded";

export type RotationResult =
  /** `grace`: the presented token had already been rotated; this is a sibling of its first child */
  | ({ ok: true; grace: boolean } & CreatedRefreshToken)
  /** a rotated token presented again outside its grace (RFC 9700 4.14.2): the caller revokes the family */
  | { ok: false; reason: "reused"; why: ReuseReason }
  /** the token or its family was revoked; or the grace period's siblings are used up (nothing is revoked) */
  | { ok: false; reason: "revoked" | "grace_exhausted" };

/**
 * Whether a token rotated at `rotated` may still be exchanged at `now`. A grace period of 0 means no
 * grace, ever. `now` is the request's start, which can be earlier than the rotation it lost the race
 * to: that request ran in parallel with the rotation, so it is within any non-zero grace period.
 */
export function isWithinGrace(rotated: Date | null, graceSeconds: number, now: Date): boolean {
  return graceSeconds > 0 && rotated !== null && now.getTime() - rotated.getTime() < graceSeconds * 1000;
}

export type GraceDecision = { kind: "sibling" } | { kind: "reused"; why: ReuseReason } | { kind: "grace_exhausted" };

/**
 * The grace rule for a ROTATED token presented again, under its family's lock (pure). In order:
 * no grace period (0) or past it: a reuse; a later token of the family was rotated since (only the
 * token rotated last may be presented again, as Auth0's reuse interval allows "only the previous
 * token"): a reuse; MAX_GRACE_SIBLINGS siblings minted from it already: refused; else a sibling.
 */
export function decideGraceReuse(input: { presentedId: string; rotated: Date | null; graceSeconds: number; now: Date; family: RefreshTokenFamilyState }): GraceDecision {
  if (input.graceSeconds <= 0) return { kind: "reused", why: "no_grace_period" };
  if (!isWithinGrace(input.rotated, input.graceSeconds, input.now)) return { kind: "reused", why: "grace_period_over" };
  if (input.family.lastRotatedId !== input.presentedId) return { kind: "reused", why: "superseded" };
  if (input.family.graceSiblings >= MAX_GRACE_SIBLINGS) return { kind: "grace_exhausted" };
  return { kind: "sibling" };
}

/**
 * Refresh token rotation with reuse detection (RFC 9700 4.14.2), atomic across instances. One
 * transaction that first takes the family's lock (lockRefreshTokenFamily: every rotation and every
 * revocation of the family serialise on it), then:
 *
 * - A revoked family, or a token revoked meanwhile: `revoked`.
 * - An ACTIVE token becomes ROTATED (`rotated` = now) through a conditional update, and the family
 *   records it as the token rotated last. It yields a new ACTIVE token of the same family (parentId
 *   = the presented token, a fresh sliding window; the scopes and absolute expiry are the family's).
 * - A ROTATED token (a second tab, a retry, or the loser of a parallel exchange: the family lock
 *   makes it wait for the winner) is decided by decideGraceReuse: within the grace period it yields
 *   a sibling (same family, same parent; counted, at most MAX_GRACE_SIBLINGS); otherwise `reused`
 *   (the caller revokes the family) or `grace_exhausted`. The grace period counts from the rotation
 *   and is never extended. With a grace period of 0, exactly one of any number of parallel uses
 *   succeeds and every other one is a reuse.
 *
 * Every token minted here is in the family, so a later revocation or reuse detection reaches it; a
 * revocation racing this transaction either runs after it (and sweeps what it minted) or before it
 * (and this transaction sees the family revoked).
 */
export async function rotateRefreshToken(
  db: Db,
  presented: PresentedRefreshToken,
  options: { graceSeconds: number; now: Date; random?: (size: number) => Buffer },
): Promise<RotationResult> {
  const { now, graceSeconds } = options;
  return db.$transaction(async (tx): Promise<RotationResult> => {
    const family = await lockRefreshTokenFamily(tx, presented.familyId, now);
    if (!family || family.revoked) return { ok: false, reason: "revoked" };
    // Under the lock no other rotation of the family runs; the conditional update still loses to
    // a revocation that does not take the family lock (a user's or an app's tokens).
    const claimed = await tx.refreshToken.updateMany({ where: { id: presented.id, status: "ACTIVE" }, data: { status: "ROTATED", rotated: now } });
    const grace = claimed.count !== 1;
    if (grace) {
      const current = await tx.refreshToken.findUnique({ where: { id: presented.id }, select: { status: true, rotated: true } });
      if (current?.status !== "ROTATED") return { ok: false, reason: "revoked" };
      const decision = decideGraceReuse({ presentedId: presented.id, rotated: current.rotated, graceSeconds, now, family });
      if (decision.kind === "reused") return { ok: false, reason: "reused", why: decision.why };
      if (decision.kind === "grace_exhausted") return { ok: false, reason: "grace_exhausted" };
    }
    await tx.refreshTokenFamily.update({
      where: { id: presented.familyId },
      data: grace ? { graceSiblings: { increment: 1 } } : { lastRotatedId: presented.id, graceSiblings: 0 },
    });
    const created = await createRotatedRefreshToken(tx, {
      familyId: presented.familyId,
      parentId: presented.id,
      decision: presented.decision,
      expiresAt: presented.expiresAt,
      now,
      random: options.random,
    });
    return { ok: true, grace, ...created };
  });
}
