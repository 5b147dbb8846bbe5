import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../oauth/token-fixture";
import { testProviders } from "../support/test-databases";
import { burst, BURST, createRaceFixture, statusCounts, type Answer, type Instance, type RaceFixture } from "./race-fixture";

const THRESHOLD = 10;
const ROUNDS = 3;
const AUTH_FAILED = { errorCode: "E0000004", errorSummary: "Authentication failed" };

/** The reasons a wrong password is logged with (lib/signin/check-credentials.ts). */
const COUNTED = "INVALID_CREDENTIALS: wrong password";
const LOCKING = "INVALID_CREDENTIALS: wrong password; the user is now LOCKED_OUT";
const NOT_COUNTED = "INVALID_CREDENTIALS: wrong password; not counted: the user is no longer ACTIVE";
const READ_LOCKED = "INVALID_CREDENTIALS: the user is LOCKED_OUT";

describe.each(testProviders())(`lockout under concurrency on %s (threshold ${THRESHOLD})`, (provider) => {
  let r: RaceFixture;
  let users = 0;

  beforeAll(async () => {
    r = await createRaceFixture(provider);
    await r.setOrgSettings({ lockoutThreshold: THRESHOLD });
  });
  afterAll(() => r.close());

  /** A new ACTIVE user per burst (the per-username budget is 20 a minute, and a lockout is for good). */
  const freshUser = () => r.user(`Lock${provider}${++users}`);
  const signIn = (via: Instance, user: TestUser, password: string, i: number) => via.authn(user.login, password, `198.51.100.${i + 1}`);
  const userRow = (user: TestUser) => r.f.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true, failedAttempts: true, lastLogin: true } });

  /** This user's user.session.start FAILURE reasons and user.account.lock events since `mark`. */
  async function logOf(user: TestUser, mark: ReadonlySet<string>) {
    const mine = <T extends { actor: unknown }>(rows: T[]) => rows.filter((row) => (row.actor as { id: string }).id === user.id);
    const failures = mine(await r.events("user.session.start", mark)).filter((row) => row.outcomeResult === "FAILURE");
    const count = (reason: string) => failures.filter((row) => row.outcomeReason === reason).length;
    return { counted: count(COUNTED), locking: count(LOCKING), refusedLocked: count(NOT_COUNTED) + count(READ_LOCKED), failures: failures.length, locks: mine(await r.events("user.account.lock", mark)).length };
  }

  const expectAllRefused = (answers: readonly Answer[]) => {
    expect(statusCounts(answers)).toEqual({ 401: answers.length });
    for (const res of answers) expect(res.body).toMatchObject(AUTH_FAILED);
  };

  const modes: Array<[string, (i: number) => Instance]> = [
    ["one instance", () => r.instances[0]],
    ...(provider === "postgresql" ? [["split across two instances", (i: number) => r.split(i)] as [string, (i: number) => Instance]] : []),
  ];

  describe.each(modes)("%s", (_mode, via) => {
    it(`${BURST} parallel wrong passwords: the count stops at exactly ${THRESHOLD}, one lock, every later failure not counted (${ROUNDS} bursts)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const user = await freshUser();
        const mark = await r.mark();
        const answers = await burst(BURST, (i) => signIn(via(i), user, "wrong-password", i));

        expectAllRefused(answers);
        expect(await userRow(user)).toEqual({ status: "LOCKED_OUT", failedAttempts: THRESHOLD, lastLogin: null });
        expect(await logOf(user, mark)).toEqual({ counted: THRESHOLD - 1, locking: 1, refusedLocked: BURST - THRESHOLD, failures: BURST, locks: 1 });
      }
    });

    it(`${BURST - 1} wrong passwords and the right one at once: either the right one came first (and the rest lock the account afresh) or it is refused; never a reset after the lockout (${ROUNDS} bursts)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const user = await freshUser();
        const mark = await r.mark();
        const rightAt = (round * 7 + 3) % BURST;
        const answers = await burst(BURST, (i) => signIn(via(i), user, i === rightAt ? user.password : "wrong-password", i));

        expectAllRefused(answers.filter((_, i) => i !== rightAt));
        const right = answers[rightAt]!;
        const row = await userRow(user);
        const log = await logOf(user, mark);
        // However the burst interleaves, 19 wrong passwords reach the threshold after any reset
        // (at most 9 can come before the right one): the account ends locked, counted exactly.
        expect({ status: row.status, failedAttempts: row.failedAttempts, locks: log.locks, locking: log.locking }).toEqual({ status: "LOCKED_OUT", failedAttempts: THRESHOLD, locks: 1, locking: 1 });
        if (right.status === 200) {
          // signed in before the lockout: its reset is followed by THRESHOLD counted failures
          expect(row.lastLogin).not.toBeNull();
          expect(log.failures).toBe(BURST - 1);
          expect(log.counted).toBeGreaterThanOrEqual(THRESHOLD - 1);
          expect(log.counted + log.locking + log.refusedLocked).toBe(BURST - 1);
        } else {
          // after the lockout: refused (as a locked user), nothing reset, nothing signed in
          expect(right.body).toMatchObject(AUTH_FAILED);
          expect(row.lastLogin).toBeNull();
          expect(log).toEqual({ counted: THRESHOLD - 1, locking: 1, refusedLocked: BURST - THRESHOLD, failures: BURST, locks: 1 });
        }
      }
    });

    it("the right password after a parallel lockout is refused and leaves the count alone", async () => {
      const user = await freshUser();
      expectAllRefused(await burst(THRESHOLD, (i) => signIn(via(i), user, "wrong-password", i)));
      const mark = await r.mark();
      const right = await signIn(via(1), user, user.password, 0);
      expect(right).toMatchObject({ status: 401, body: AUTH_FAILED });
      expect(await userRow(user)).toEqual({ status: "LOCKED_OUT", failedAttempts: THRESHOLD, lastLogin: null });
      expect(await logOf(user, mark)).toEqual({ counted: 0, locking: 0, refusedLocked: 1, failures: 1, locks: 0 });
    });
  });
});
