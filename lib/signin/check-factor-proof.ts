import type { Db } from "../db/create-db-client";
import type { InTransaction } from "../db/record-change";
import { consumeFactorAttempt } from "../factors/consume-factor-attempt";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { appendSystemLog, writeSystemLog, type SystemLogInput } from "../system-log/write-system-log";
import { countFailedAttempt, type CredentialsFailure, type CredentialsUser } from "./check-credentials";

/** Where a factor attempt comes from (the lockout's and the System Log's context). */
export type FactorAttemptSource = { ipAddress: string | null; userAgent: string | null; clientId?: string | null; now: Date };

/** A refused factor proof: the password step's failure, plus what the factor check found (for the API's error code). */
export type FactorFailure = CredentialsFailure & { factor: "invalid" | "reused" | "unknown" };

/** What one factor check found: the outcome the factor module gave, reduced. */
export type FactorCheck =
  | { outcome: "success"; factor: FactorRef; amr: string[] }
  | { outcome: "invalid" | "reused"; factor: FactorRef; reason: string }
  | { outcome: "unknown"; reason: string };

export type FactorRef = { id: string; factorType: string; provider: string; userId: string };

type UserRow = { id: string; login: string; profile: unknown; status: string; lastUpdated: Date };

/**
 * The frame of every factor step of authenticatePerson (TOTP code, WebAuthn assertion):
 * - the user must be ACTIVE (LOCKED_OUT: refused as LOCKED_OUT; anything else INVALID_CREDENTIALS);
 * - each check counts against the user's factor budget (consumeFactorAttempt, the limiter every
 *   credential check uses): beyond it RATE_LIMITED and nothing is checked;
 * - `run` checks the proof in the factor module's transaction, calling `log` there, so each checked
 *   answer commits with its user.authentication.auth_via_mfa event (SUCCESS or FAILURE with the
 *   reason, never the code or assertion);
 * - a wrong or reused code, or an assertion that does not verify, counts as a failed sign-in exactly
 *   as a wrong password does (countFailedAttempt: the org's lockoutThreshold, user.account.lock).
 * `userId` null: passwordless, the proof names its user (run then says which).
 */
export async function checkFactorProof(
  db: Db,
  source: FactorAttemptSource,
  userId: string | null,
  run: (log: (tx: InTransaction, check: FactorCheck) => Promise<void>) => Promise<FactorCheck>,
): Promise<{ ok: true; user: CredentialsUser; amr: string[] } | FactorFailure> {
  const { now } = source;
  const loadUser = (id: string) => db.user.findUnique({ where: { id }, select: { id: true, login: true, profile: true, status: true, lastUpdated: true } });
  const asUser = (row: UserRow): CredentialsUser => ({ id: row.id, login: row.login, profile: (row.profile && typeof row.profile === "object" && !Array.isArray(row.profile) ? row.profile : {}) as Record<string, unknown> });
  const refuse = (reason: CredentialsFailure["reason"], detail: string, row: UserRow | null, extra: Partial<FactorFailure> = {}): FactorFailure => ({
    ok: false,
    reason,
    lockedOut: false,
    detail,
    user: row ? asUser(row) : null,
    factor: "unknown",
    ...extra,
  });

  let row = userId ? await loadUser(userId) : null;
  if (userId) {
    if (!row) return refuse("INVALID_CREDENTIALS", "INVALID_CREDENTIALS: no such user", null);
    if (row.status === "LOCKED_OUT") return refuse("LOCKED_OUT", "INVALID_CREDENTIALS: the user is LOCKED_OUT", row, { lockedOut: true });
    if (row.status !== "ACTIVE") return refuse("INVALID_CREDENTIALS", `INVALID_CREDENTIALS: the user is ${row.status}`, row);
    const budget = await consumeFactorAttempt(db, row.id, now);
    if (!budget.allowed) return refuse("RATE_LIMITED", "RATE_LIMITED: too many factor checks", row, { rateLimit: { limit: budget.limit, resetAt: budget.resetAt } });
  }

  const log = (tx: InTransaction, check: FactorCheck) => logFactorCheck(tx, appendSystemLog, source, row, check);
  const check = await run(log);
  if (check.outcome === "unknown") {
    await logFactorCheck(db, writeSystemLog, source, row, check);
    return refuse("INVALID_CREDENTIALS", `INVALID_CREDENTIALS: ${check.reason}`, row);
  }
  // passwordless: the proof named the user
  row ??= await loadUser(check.factor.userId);
  if (!row) return refuse("INVALID_CREDENTIALS", "INVALID_CREDENTIALS: no such user", null);
  if (check.outcome === "success") {
    // the status is read again: a lockout reached meanwhile (or a passwordless user who is not ACTIVE) wins
    const status = userId ? (await loadUser(row.id))?.status : row.status;
    if (status === "LOCKED_OUT") return refuse("LOCKED_OUT", "INVALID_CREDENTIALS: the user is LOCKED_OUT", row, { lockedOut: true });
    if (status !== "ACTIVE") return refuse("INVALID_CREDENTIALS", `INVALID_CREDENTIALS: the user is ${status ?? "gone"}`, row);
    return { ok: true, user: asUser(row), amr: check.amr };
  }
  const counted = row.status === "ACTIVE" ? await countFailedAttempt(db, source, row, await readOrgSettings(db)) : "not counted";
  const detail = { counted: "", locked: "; the user is now LOCKED_OUT", "not counted": "; not counted: the user is not ACTIVE" }[counted];
  return refuse("INVALID_CREDENTIALS", `INVALID_CREDENTIALS: ${check.outcome === "reused" ? "PASSCODE_REPLAYED" : check.reason}${detail}`, row, { factor: check.outcome });
}

/** user.authentication.auth_via_mfa (Okta's event of a factor verification): the factor, the outcome and the reason; never the code or assertion. */
async function logFactorCheck<D extends Db | InTransaction>(
  db: D,
  write: (db: D, event: SystemLogInput, now: Date) => Promise<void>,
  source: FactorAttemptSource,
  user: UserRow | null,
  check: FactorCheck,
): Promise<void> {
  const who = user ? { id: user.id, type: "User", alternateId: user.login } : null;
  await write(
    db,
    {
      eventType: "user.authentication.auth_via_mfa",
      displayMessage: "Authentication of user via MFA",
      actor: who ?? { id: "unknown", type: "User", alternateId: "unknown user" },
      client: { ipAddress: source.ipAddress, userAgent: source.userAgent },
      outcome: check.outcome === "success" ? { result: "SUCCESS" } : { result: "FAILURE", reason: check.outcome === "reused" ? "PASSCODE_REPLAYED" : check.reason },
      target: who ? [who] : [],
      debugContext: {
        ...("factor" in check ? { factorId: check.factor.id, factorType: check.factor.factorType, provider: check.factor.provider } : {}),
        ...(source.clientId ? { clientId: source.clientId } : {}),
      },
    },
    source.now,
  );
}
