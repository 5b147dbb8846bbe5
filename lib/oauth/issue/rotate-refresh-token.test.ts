import { describe, expect, it } from "vitest";
import { decideGraceReuse, isWithinGrace, MAX_GRACE_SIBLINGS, type GraceDecision } from "./rotate-refresh-token";

const rotated = new Date("2026-01-15T10:00:00.000Z");
const at = (ms: number) => new Date(rotated.getTime() + ms);

describe("isWithinGrace", () => {
  it.each([
    [30, 0, true],
    [30, 29_999, true],
    [30, 30_000, false],
    [60, 59_999, true],
    // a request that started before the rotation it lost to ran in parallel with it
    [30, -250, true],
    // grace 0 is no grace, also for a request that started before the rotation (issue 13)
    [0, 0, false],
    [0, -250, false],
    [0, 1, false],
  ])("grace %i s, %i ms after the rotation: %s", (grace, elapsed, expected) => {
    expect(isWithinGrace(rotated, grace, at(elapsed))).toBe(expected);
  });

  it("a token never rotated has no grace", () => {
    expect(isWithinGrace(null, 60, rotated)).toBe(false);
  });
});

describe("decideGraceReuse", () => {
  const family = (lastRotatedId: string | null, graceSiblings: number) => ({ revoked: null, lastRotatedId, graceSiblings });

  it.each<[string, number, number, ReturnType<typeof family>, GraceDecision]>([
    ["the token rotated last, within the grace period", 30, 1_000, family("oar1", 0), { kind: "sibling" }],
    ["the last sibling the bound allows", 30, 1_000, family("oar1", MAX_GRACE_SIBLINGS - 1), { kind: "sibling" }],
    ["a parallel loser that started before the rotation", 30, -5, family("oar1", 0), { kind: "sibling" }],
    ["the bound reached", 30, 1_000, family("oar1", MAX_GRACE_SIBLINGS), { kind: "grace_exhausted" }],
    ["no grace period", 0, 0, family("oar1", 0), { kind: "reused", why: "no_grace_period" }],
    ["no grace period, a parallel loser that started before the rotation", 0, -5, family("oar1", 0), { kind: "reused", why: "no_grace_period" }],
    ["past the grace period", 30, 30_000, family("oar1", 0), { kind: "reused", why: "grace_period_over" }],
    ["past the grace period with siblings used up: a reuse, not a refusal", 30, 30_000, family("oar1", MAX_GRACE_SIBLINGS), { kind: "reused", why: "grace_period_over" }],
    ["a later token of the family was rotated since", 30, 1_000, family("oar2", 0), { kind: "reused", why: "superseded" }],
    ["a token rotated before its family had a lock row (before the migration that added it)", 30, 1_000, family(null, 0), { kind: "reused", why: "superseded" }],
  ])("%s", (_name, graceSeconds, elapsed, state, expected) => {
    expect(decideGraceReuse({ presentedId: "oar1", rotated, graceSeconds, now: at(elapsed), family: state })).toEqual(expected);
  });
});
