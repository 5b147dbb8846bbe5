import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import type { OrgSettings } from "../org-settings/org-settings-schema";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { hashPassword } from "../passwords/hash-password";
import { timingDummyHash } from "../passwords/timing-dummy-hash";
import { verifyPassword } from "../passwords/verify-password";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { logSessionEvent, SESSION_EVENTS } from "../sessions/session-events";
import { appendSystemLog } from "../system-log/write-system-log";

/**
 * Sign-in attempts allowed per client IP and per username (whether or not it exists) in one
 * window, counted in the database so every instance shares the budget. The per-username budget
 * bounds guessing where lockout is off (threshold 0) or high; see perUsernameSigninLimit.
 */
export const SIGNIN_RATE_LIMITS = { perIp: 50, perUsername: 20, windowSeconds: 60 } as const;

/**
 * The per-username budget in force: SIGNIN_RATE_LIMITS.perUsername, and always above the org's
 * lockoutThreshold, so that the attempt after a lockout, in the same minute, is still checked and
 * told the account is locked rather than "too many attempts".
 */
export function perUsernameSigninLimit(lockoutThreshold: number): number {
  return Math.max(SIGNIN_RATE_LIMITS.perUsername, lockoutThreshold + 1);
}
/** Longer usernames cannot be a login (Okta caps logins at 100 characters; we allow some slack). */
const MAX_USERNAME_LENGTH = 1024;

export type CredentialsInput = {
  username: string;
  password: string;
  ipAddress: string | null;
  userAgent: string | null;
  now: Date;
  /** the app the sign-in is for, if known (log context) */
  clientId?: string | null;
  /**
   * Which SIGNIN_RATE_LIMITS apply: both (default: a person's browser or device, whose address is
   * theirs), or only the per-username one (the password grant of a confidential client: the address
   * is the app's server, shared by all its users, so a per-address budget would throttle the app).
   */
  rateLimits?: "username-and-address" | "username";
  /** log refusals as user.session.start FAILURE (default true; the password grant logs its own token events) */
  logFailures?: boolean;
  /**
   * When a right password resets the failed-attempt count: "now" (default: the password grant, whose
   * sign-in ends with the password), or "on-completion" (the hosted pages and /api/v1/authn, where a
   * factor may follow: the count is reset when the session or session token starts,
   * resetFailedAttempts, so a right password between wrong codes does not wipe them).
   */
  resetFailedAttempts?: "now" | "on-completion";
};

export type CredentialsUser = { id: string; login: string; profile: Record<string, unknown> };

export type CredentialsFailure = {
  ok: false;
  /** what the caller may act on; INVALID_CREDENTIALS covers unknown users and every non-ACTIVE state; BLOCKED: the address is in a blocklist zone (authenticatePerson) */
  reason: "INVALID_CREDENTIALS" | "LOCKED_OUT" | "RATE_LIMITED" | "BLOCKED";
  /** true only when the user is LOCKED_OUT *and* the password was right (see checkCredentials) */
  lockedOut: boolean;
  /** true only when the user is PASSWORD_EXPIRED *and* the password was right: the caller may offer the change of password (still a refusal) */
  passwordExpired?: boolean;
  /** the real reason, for the System Log only, never for the client */
  detail: string;
  /** the user the login named, if any (for logs) */
  user: CredentialsUser | null;
  /** RATE_LIMITED: the exhausted limit and when its window ends */
  rateLimit?: { limit: number; resetAt: Date };
};

export type CredentialsResult = { ok: true; user: CredentialsUser } | CredentialsFailure;

/**
 * Checks a username and password: the one primary-authentication step of the hosted sign-in page
 * and POST /api/v1/authn (authenticatePerson's password step) and of the password grant.
 * - Rate limits first, the same for every path that checks a password (hosted sign-in,
 *   /api/v1/authn, the password grant): SIGNIN_RATE_LIMITS per client IP (when known and
 *   `rateLimits` includes it) and perUsernameSigninLimit per username; beyond them RATE_LIMITED,
 *   and no password is checked.
 * - The user is found by login, case-insensitively. The password is always verified with argon2,
 *   against a dummy hash when there is no user or no password, so timing tells nothing.
 * - Unknown users, users without a password and users that are not ACTIVE (STAGED, SUSPENDED,
 *   DEPROVISIONED, PASSWORD_EXPIRED, ...) all get INVALID_CREDENTIALS: existence is never revealed.
 *   The one exception: a LOCKED_OUT user who gave the *right* password gets LOCKED_OUT with
 *   `lockedOut: true`, so the hosted page can say the account is locked; someone guessing
 *   passwords cannot tell a locked account from a wrong password. Likewise a PASSWORD_EXPIRED user
 *   with the right password is still refused, with `passwordExpired: true`: the hosted page and
 *   /api/v1/authn then ask for a new password (lib/user-tokens changeExpiredPassword).
 * - A wrong password of an ACTIVE user counts a failed attempt; reaching the org's lockoutThreshold
 *   (default 10; 0 = never) sets LOCKED_OUT and logs user.account.lock. Exact under concurrency
 *   (countFailedAttempt): the count never passes the threshold. Nothing else is revoked.
 * - A right password resets the count (unless `resetFailedAttempts: "on-completion"`), sets lastLogin and upgrades a weaker hash, only if the user
 *   is still ACTIVE when it is written (one conditional update): a lockout reached meanwhile by
 *   parallel failures wins (LOCKED_OUT, `lockedOut: true`) and keeps its count. lastUpdated is
 *   written back unchanged (counters are not profile changes).
 * - Refusals are logged as user.session.start FAILURE with the real reason (unless `logFailures:
 *   false`); a success logs nothing here (createSession logs the session start). The attempted
 *   username is logged only when it is a user's login: anything else may be a password typed into
 *   the wrong field, and is logged as "unknown user" (loggedLogin).
 */
export async function checkCredentials(db: Db, input: CredentialsInput): Promise<CredentialsResult> {
  const { username, password, now } = input;
  // read once, only when needed (the rate limit, or a failed attempt)
  let tokenSettings: Promise<OrgSettings> | undefined;
  const orgSettings = () => (tokenSettings ??= readOrgSettings(db));
  const refuse = async (reason: CredentialsFailure["reason"], detail: string, user: CredentialsUser | null, extra: Partial<CredentialsFailure> = {}): Promise<CredentialsFailure> => {
    if (input.logFailures !== false) {
      await logSessionEvent(
        db,
        {
          eventType: SESSION_EVENTS.start,
          result: "FAILURE",
          displayMessage: "User login",
          user,
          attemptedLogin: loggedLogin(user),
          client: { ipAddress: input.ipAddress, userAgent: input.userAgent },
          reason: detail,
          debug: input.clientId ? { clientId: input.clientId } : {},
        },
        now,
      );
    }
    return { ok: false, reason, lockedOut: false, detail, user, ...extra };
  };

  const ipAddress = (input.rateLimits ?? "username-and-address") === "username-and-address" ? input.ipAddress : null;
  const limited = await consumeSigninRateLimits(db, username, ipAddress, perUsernameSigninLimit((await orgSettings()).lockoutThreshold), now);
  const row =
    username.length <= MAX_USERNAME_LENGTH
      ? await db.user.findUnique({ where: { loginLower: username.toLowerCase() }, select: { id: true, login: true, profile: true, status: true, passwordHash: true, lastUpdated: true } })
      : null;
  const user: CredentialsUser | null = row ? { id: row.id, login: row.login, profile: (row.profile && typeof row.profile === "object" && !Array.isArray(row.profile) ? row.profile : {}) as Record<string, unknown> } : null;
  if (limited) return refuse("RATE_LIMITED", `RATE_LIMITED: more than ${limited.limit} sign-in attempts per ${limited.scope} in ${SIGNIN_RATE_LIMITS.windowSeconds} s`, user, { rateLimit: { limit: limited.limit, resetAt: limited.resetAt } });

  const check = await verifyPassword(row?.passwordHash ?? (await timingDummyHash()), password);

  if (!row) return refuse("INVALID_CREDENTIALS", "INVALID_CREDENTIALS: no user with this login", null);
  if (row.status === "LOCKED_OUT" && row.passwordHash && check.ok) {
    const failure = await refuse("LOCKED_OUT", "INVALID_CREDENTIALS: the user is LOCKED_OUT", user);
    return { ...failure, lockedOut: true };
  }
  if (row.status === "PASSWORD_EXPIRED" && row.passwordHash && check.ok) return { ...(await refuse("INVALID_CREDENTIALS", "INVALID_CREDENTIALS: the password has expired", user)), passwordExpired: true };
  if (row.status !== "ACTIVE") return refuse("INVALID_CREDENTIALS", `INVALID_CREDENTIALS: the user is ${row.status}`, user);
  if (!row.passwordHash) return refuse("INVALID_CREDENTIALS", "INVALID_CREDENTIALS: the user has no password", user);
  if (!check.ok) {
    const counted = await countFailedAttempt(db, input, row, await orgSettings());
    const detail = { counted: "", locked: "; the user is now LOCKED_OUT", "not counted": "; not counted: the user is no longer ACTIVE" }[counted];
    return refuse("INVALID_CREDENTIALS", `INVALID_CREDENTIALS: wrong password${detail}`, user);
  }

  // The status was read before the (slow) password check: the sign-in only counts if the user is
  // still ACTIVE now. A lockout that concurrent failures reached meanwhile wins, and its counter stays.
  const signedIn = await db.user.updateMany({
    where: { id: row.id, status: "ACTIVE" },
    data: { lastLogin: now, ...(input.resetFailedAttempts === "on-completion" ? {} : { failedAttempts: 0 }), lastUpdated: row.lastUpdated, ...(check.needsRehash ? { passwordHash: await hashPassword(password) } : {}) },
  });
  if (signedIn.count !== 1) {
    const status = (await db.user.findUnique({ where: { id: row.id }, select: { status: true } }))?.status ?? "gone";
    if (status === "LOCKED_OUT") return { ...(await refuse("LOCKED_OUT", "INVALID_CREDENTIALS: the user is LOCKED_OUT", user)), lockedOut: true };
    return refuse("INVALID_CREDENTIALS", `INVALID_CREDENTIALS: the user is ${status}`, user);
  }
  return { ok: true, user: user! };
}

/**
 * What the System Log says was typed as the username of a refused attempt: the login of the user it
 * named, or "unknown user". What names no user is never logged: it is often a password typed into
 * the username field.
 */
export function loggedLogin(user: CredentialsUser | null): string {
  return user?.login ?? "unknown user";
}

/** Counts this attempt against both limits (the per-address one when an address is given); the exhausted one, if any. */
async function consumeSigninRateLimits(db: Db, username: string, ipAddress: string | null, perUsername: number, now: Date): Promise<{ scope: string; limit: number; resetAt: Date } | null> {
  const { perIp, windowSeconds } = SIGNIN_RATE_LIMITS;
  const [byUser, byIp] = await Promise.all([
    // hashed: the key is bounded and the log of buckets holds no logins
    consumeRateLimit(db, `signin:user:${hashToken(username.toLowerCase())}`, perUsername, windowSeconds, now),
    ipAddress ? consumeRateLimit(db, `signin:ip:${ipAddress.slice(0, 64)}`, perIp, windowSeconds, now) : Promise.resolve(null),
  ]);
  if (byIp && !byIp.allowed) return { scope: "IP address", limit: perIp, resetAt: byIp.resetAt };
  if (!byUser.allowed) return { scope: "username", limit: perUsername, resetAt: byUser.resetAt };
  return null;
}

/**
 * Counts one failed password check (or factor check: a wrong or reused code, an assertion that does
 * not verify; the factor steps of authenticatePerson) and locks the user out when the count reaches the org's
 * threshold, exactly, however many checks fail at once on however many instances: one transaction
 * whose first statement is a conditional increment (`failedAttempts + 1` only while the user is
 * ACTIVE; on PostgreSQL it holds the row's lock until commit, on SQLite the write lock), then the
 * lock itself and its user.account.lock event. Attempts on one user so run one after the other:
 * the one that reaches the threshold locks, and every later one finds the user LOCKED_OUT and is not
 * counted, so the count stops at the threshold (or one above a count left from a higher threshold). `lastUpdated` is written back unchanged:
 * counters are not profile changes.
 */
export async function countFailedAttempt(
  db: Db,
  input: Pick<CredentialsInput, "ipAddress" | "userAgent" | "now" | "clientId">,
  user: { id: string; login: string; lastUpdated: Date },
  settings: OrgSettings,
): Promise<"counted" | "locked" | "not counted"> {
  const { now } = input;
  const threshold = settings.lockoutThreshold;
  return db.$transaction(async (tx) => {
    const counted = await tx.user.updateMany({
      where: { id: user.id, status: "ACTIVE" },
      data: { failedAttempts: { increment: 1 }, lastFailedAttempt: now, lastUpdated: user.lastUpdated },
    });
    if (counted.count !== 1) return "not counted";
    if (threshold <= 0) return "counted";
    const locked = await tx.user.updateMany({
      where: { id: user.id, status: "ACTIVE", failedAttempts: { gte: threshold } },
      data: { status: "LOCKED_OUT", lockedOut: now, statusChanged: now, lastUpdated: now },
    });
    if (locked.count !== 1) return "counted";
    const { failedAttempts } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { failedAttempts: true } });
    const who = { id: user.id, type: "User", alternateId: user.login };
    await appendSystemLog(
      tx,
      {
        eventType: SESSION_EVENTS.lock,
        displayMessage: "Max sign in attempts exceeded",
        actor: who,
        client: { ipAddress: input.ipAddress, userAgent: input.userAgent },
        outcome: { result: "SUCCESS", reason: `${failedAttempts} consecutive failed password checks (lockoutThreshold ${threshold})` },
        target: [who],
        debugContext: { failedAttempts, lockoutThreshold: threshold, ...(input.clientId ? { clientId: input.clientId } : {}) },
      },
      now,
    );
    return "locked";
  });
}
