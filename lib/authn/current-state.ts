import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { PASSWORD_POLICY } from "../passwords/check-password-policy";
import { passwordExpiredJson, passwordResetJson } from "./authn-json";
import { activationState, answerStep, challengeFactor, invalidStateTokenError, loadAuthnUser, loadTransaction, transactionFactor } from "./authn-flow";

/**
 * POST /api/v1/authn with `{stateToken}` only: the transaction's current state, answered again
 * (MFA_REQUIRED and MFA_ENROLL evaluated anew, MFA_ENROLL_ACTIVATE with the TOTP secret, MFA_CHALLENGE
 * with a new challenge, PASSWORD_RESET and PASSWORD_EXPIRED as they were). A stateToken that is unknown, expired, cancelled or already used to SUCCESS
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
    case "PASSWORD_RESET":
    case "PASSWORD_EXPIRED": {
      const state = { stateToken: transaction.stateToken, expiresAt: transaction.expiresAt, user: await loadAuthnUser(app, transaction.userId), policy: PASSWORD_POLICY };
      return { status: 200, body: transaction.status === "PASSWORD_RESET" ? passwordResetJson(app.orgUrl, state) : passwordExpiredJson(app.orgUrl, state) };
    }
    default:
      throw invalidStateTokenError();
  }
}
