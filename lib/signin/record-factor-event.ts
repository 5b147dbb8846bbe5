import type { InTransaction } from "../db/record-change";
import { appendSystemLog } from "../system-log/write-system-log";

/** The factor lifecycle events a user's own sign-in writes (the Factors API's names and messages). */
const FACTOR_EVENTS = {
  enroll: { eventType: "user.mfa.factor.update", displayMessage: "Enroll factor for user" },
  activate: { eventType: "user.mfa.factor.activate", displayMessage: "Activate factor for user" },
} as const;

/**
 * Records, in the transaction of the write (enrollFactor's or activateFactor's `record`), that a user
 * enrolled or activated a factor during their own sign-in (the hosted factor page, POST
 * /api/v1/authn/factors...): the same event types, messages and debug context (factorId,
 * factorType, provider) as the Factors API writes, with the user as actor and target and the
 * browser's address; never a secret, code or attestation.
 */
export function recordFactorEvent(
  tx: InTransaction,
  input: {
    kind: keyof typeof FACTOR_EVENTS;
    user: { id: string; login: string };
    factor: { id: string; factorType: string; provider: string };
    client: { ipAddress: string | null; userAgent: string | null };
    now: Date;
  },
): Promise<void> {
  const who = { id: input.user.id, type: "User", alternateId: input.user.login };
  return appendSystemLog(
    tx,
    {
      ...FACTOR_EVENTS[input.kind],
      actor: who,
      client: input.client,
      outcome: { result: "SUCCESS" },
      target: [who],
      debugContext: { factorId: input.factor.id, factorType: input.factor.factorType, provider: input.factor.provider },
    },
    input.now,
  );
}
