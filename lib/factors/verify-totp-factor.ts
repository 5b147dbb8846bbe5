import { decryptSecret } from "../crypto/decrypt-secret";
import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import type { InTransaction } from "../db/record-change";
import { checkTotpCode } from "./check-totp-code";
import { factorSecretContext } from "./factor-secret-context";

export type TotpFactorRow = Pick<UserFactor, "id" | "secretEncrypted" | "lastTimeStep" | "lastUpdated">;

/**
 * The one TOTP check of a factor, for every caller (the Factors API's activate and verify, the
 * sign-in flow): the code is checked against the factor's secret (checkTotpCode: RFC 6238, ±1 step)
 * and, when accepted, its time step is recorded in one conditional update (only if no code of that
 * step or a later one was accepted meanwhile), so each code is accepted once even when several
 * checks of it run at once on several instances: the others get `reused`.
 *
 * Lockout hook: `invalid` is a wrong code, i.e. a guess; the caller counts it where it counts failed
 * sign-in attempts (this function does not lock anyone out). `reused` is a right code seen before
 * (Okta's PASSCODE_REPLAYED), not a guess. An accepted code sets lastVerified (Okta's UserFactor
 * field); lastUpdated is written back unchanged: a use is not a change of the factor.
 */
export async function verifyTotpFactor(
  db: Db | InTransaction,
  input: { factor: TotpFactorRow; code: string; now: Date; secretsKey: Buffer },
): Promise<"accepted" | "invalid" | "reused"> {
  const { factor } = input;
  if (!factor.secretEncrypted) return "invalid";
  const secret = decryptSecret(factor.secretEncrypted, input.secretsKey, factorSecretContext(factor.id));
  const check = await checkTotpCode(secret, input.code, input.now, factor.lastTimeStep);
  if (check.outcome !== "accepted") return check.outcome;
  const { count } = await db.userFactor.updateMany({
    where: { id: factor.id, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: check.timeStep } }] },
    data: { lastTimeStep: check.timeStep, lastVerified: input.now, lastUpdated: factor.lastUpdated },
  });
  return count === 1 ? "accepted" : "reused";
}
