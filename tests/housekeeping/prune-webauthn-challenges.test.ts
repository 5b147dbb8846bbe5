import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneExpiredRows } from "@/lib/housekeeping/prune-expired-rows";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

describe.each(testProviders())("pruning WebAuthn challenges on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("deletes the challenges past their expiry, in batches, and keeps the live ones and their factor", async () => {
    const now = new Date("2026-06-01T00:00:00.000Z");
    const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
    const user = await f.db.user.findFirstOrThrow();
    await f.db.userFactor.create({ data: { id: "fwfPruneTest000000000", userId: user.id, factorType: "webauthn", provider: "FIDO", status: "PENDING_ACTIVATION", profile: {} } });
    const challenge = (n: number, expiresAt: Date, purpose = "registration") => ({ challengeHash: n.toString(16).padStart(64, "0"), purpose, factorId: "fwfPruneTest000000000", expiresAt });
    await f.db.webAuthnChallenge.createMany({
      data: [
        ...Array.from({ length: 5 }, (_, i) => challenge(i, at(-360_000 - i))),
        challenge(100, at(-1), "authentication"),
        challenge(101, now),
        challenge(102, at(360_000), "authentication"),
      ],
    });

    const report = await pruneExpiredRows(f.db, now, { batchSize: 2, pauseMs: 0 });
    expect(report.complete).toBe(true);
    expect(report.deleted.webAuthnChallenges).toBe(6);
    // 2 + 2 + 2 expired challenges, then an empty batch ends the table
    expect((await f.db.webAuthnChallenge.findMany({ orderBy: { challengeHash: "asc" } })).map((c) => c.challengeHash)).toEqual([challenge(101, now).challengeHash, challenge(102, now).challengeHash]);
    expect(await f.db.userFactor.count({ where: { id: "fwfPruneTest000000000" } })).toBe(1);

    const again = await pruneExpiredRows(f.db, now);
    expect(again.deleted.webAuthnChallenges).toBe(0);
  });
});
