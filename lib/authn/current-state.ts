import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { activationState, answerStep, challengeFactor, invalidStateTokenError, loadAuthnUser, loadTransaction, transactionFactor } from "./authn-flow";

/**
 * POST /api/v1/authn with `{stateToken}` only: the transaction's current state, answered again
 * (MFA_REQUIRED and MFA_ENROLL evaluated anew, MFA_ENROLL_ACTIVATE with the TOTP secret, MFA_CHALLENGE
 * with a new challenge). A stateToken that is unknown, expired, cancelled or already used to SUCCESS
 * -> 403 E0000011.
 */
export async function currentState(app: AppContext, request: PlainRequest, stateToken: unknown, now: Date): Promise<PlainResponse> {
  const transaction = await loadTransaction(app, stateToken, now);
  switch (transaction.status) {
    case "MFA_REQUIRED":
    case "MFA_ENROLL":
      return answerStep(app, request, { user: await loadAuthnUser(app, transaction.userId), amr: transaction.amr, transaction, now });
    case "MFA_CHALLENGE":
      return challengeFactor(app, transaction, await transactionFactor(app, transaction, transaction.factorId ?? ""), now);
    case "MFA_ENROLL_ACTIVATE":
      return activationState(app, transaction, await transactionFactor(app, transaction, transaction.factorId ?? ""), null, now);
    default:
      throw invalidStateTokenError();
  }
}
