import { z } from "zod";
import type { AppContext } from "../app-context";
import { activateFactor } from "../factors/activate-factor";
import { consumeFactorAttempt } from "../factors/consume-factor-attempt";
import { relyingPartyFor } from "../factors/relying-party";
import { TOTP_FACTOR } from "../factors/supported-factors";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { rateLimitError, validationError } from "../okta-api/admin-api-error";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import { combineAmr } from "../signin/combine-amr";
import { recordFactorEvent } from "../signin/record-factor-event";
import { answerStep, invalidPasscodeError, invalidStateTokenError, loadAuthnUser, loadTransaction, passcodeReusedError } from "./authn-flow";

const ACTIVATE_REQUEST = z.object(
  {
    stateToken: z.string({ error: "The field cannot be left blank" }).max(256),
    passCode: z.string().max(64).optional(),
    attestation: z.string().max(65_536).optional(),
    clientData: z.string().max(16_384).optional(),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn/factors/:factorId/lifecycle/activate (MFA_ENROLL_ACTIVATE, okta-auth-js
 * `transaction.activate({passCode})`): activates the factor the transaction enrolled with a current
 * TOTP code or the WebAuthn attestation (activateFactor; each attempt counts against the user's factor
 * budget, 429 E0000047 beyond it; logged as user.mfa.factor.activate, as the Factors API logs it); a wrong code 403 E0000068, a reused one 403 E0000082. The factor
 * proves possession: the next step follows with the combined amr (SUCCESS, or MFA_ENROLL while a
 * REQUIRED factor is still missing). Another factor than the transaction's, or another state: 403 E0000011.
 */
export async function activateAuthnFactor(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const factorId = request.params.factorId ?? "";
  const body = parseInput(ACTIVATE_REQUEST, readJsonBody(request), "factor");
  const now = app.now();
  const transaction = await loadTransaction(app, body.stateToken, now);
  if (transaction.status !== "MFA_ENROLL_ACTIVATE" || transaction.factorId !== factorId) throw invalidStateTokenError();
  const budget = await consumeFactorAttempt(app.db, transaction.userId, now);
  if (!budget.allowed) throw rateLimitError({ "X-Rate-Limit-Limit": String(budget.limit), "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String(Math.ceil(budget.resetAt.getTime() / 1000)) });
  const user = await loadAuthnUser(app, transaction.userId);
  const result = await activateFactor(
    app.db,
    { userId: transaction.userId, factorId, proof: { passCode: body.passCode, attestation: body.attestation, clientData: body.clientData }, now, secretsKey: app.secretsKey, rp: relyingPartyFor(app.orgUrl), orgUrl: app.orgUrl },
    (tx, factor) => recordFactorEvent(tx, { kind: "activate", user, factor, client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") }, now }),
  );
  switch (result.outcome) {
    case "activated": {
      const amr = combineAmr(transaction.amr, result.factor.factorType === TOTP_FACTOR ? ["otp"] : ["hwk", "user"]);
      return answerStep(app, request, { user, amr, transaction, now });
    }
    case "missing-proof":
      throw validationError(result.fields[0] ?? "body", result.fields.map((field) => `${field}: The field cannot be left blank.`));
    case "reused":
      throw passcodeReusedError();
    case "invalid":
      throw invalidPasscodeError();
    default:
      throw invalidStateTokenError();
  }
}
