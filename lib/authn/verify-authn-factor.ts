import { z } from "zod";
import type { AppContext } from "../app-context";
import { readClientDataChallenge } from "../factors/read-client-data-challenge";
import { TOTP_FACTOR } from "../factors/supported-factors";
import { toBase64Url } from "../factors/to-base64url";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { validationError } from "../okta-api/admin-api-error";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import { authenticatePerson, type Proof } from "../signin/authenticate-person";
import { combineAmr } from "../signin/combine-amr";
import { answerStep, challengeFactor, endTransaction, invalidPasscodeError, invalidStateTokenError, loadAuthnUser, loadTransaction, refusalError, transactionFactor } from "./authn-flow";

const VERIFY_REQUEST = z.object(
  {
    stateToken: z.string({ error: "The field cannot be left blank" }).max(256),
    passCode: z.string().max(64).optional(),
    clientData: z.string().max(16_384).optional(),
    authenticatorData: z.string().max(16_384).optional(),
    signatureData: z.string().max(16_384).optional(),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn/factors/:factorId/verify (MFA_REQUIRED / MFA_CHALLENGE, okta-auth-js
 * `factor.verify({passCode})`): the transaction's user proves a factor.
 * - TOTP `{stateToken, passCode}`: authenticatePerson's totp step (each code once; a wrong or reused
 *   code counts toward lockout as a wrong password does): 403 E0000068 (wrong), 403 E0000082 (reused),
 *   429 E0000047 beyond the budget; once the user is locked out the stateToken is refused (E0000011);
 * - WebAuthn: `{stateToken}` -> MFA_CHALLENGE with a challenge; then `{stateToken, clientData,
 *   authenticatorData, signatureData}` -> authenticatePerson's webauthn step;
 * - accepted -> the next step with the combined amr (answerStep: SUCCESS with a session token; with
 *   `?rememberDevice=true`, the idp_device cookie when the sign-on rule has a factor lifetime).
 * A factor of another user: 404 E0000007; a stateToken not waiting for a factor: 403 E0000011.
 */
export async function verifyAuthnFactor(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const factorId = request.params.factorId ?? "";
  const body = parseInput(VERIFY_REQUEST, readJsonBody(request), "factor");
  const now = app.now();
  const transaction = await loadTransaction(app, body.stateToken, now);
  if (transaction.status !== "MFA_REQUIRED" && transaction.status !== "MFA_CHALLENGE") throw invalidStateTokenError();
  const factor = await transactionFactor(app, transaction, factorId);
  let proof: Proof;
  if (factor.factorType === TOTP_FACTOR) {
    if (body.passCode === undefined) throw validationError("passCode", ["passCode: The field cannot be left blank."]);
    proof = { kind: "totp", userId: transaction.userId, factorId: factor.id, passCode: body.passCode };
  } else {
    if (body.clientData === undefined && body.authenticatorData === undefined && body.signatureData === undefined) return challengeFactor(app, transaction, factor, now);
    if (body.clientData === undefined || body.authenticatorData === undefined || body.signatureData === undefined || !factor.credentialId) throw invalidPasscodeError();
    const clientDataJSON = toBase64Url(body.clientData);
    const response = { id: factor.credentialId, rawId: factor.credentialId, type: "public-key" as const, clientExtensionResults: {}, response: { clientDataJSON, authenticatorData: body.authenticatorData, signature: body.signatureData } };
    proof = { kind: "webauthn", userId: transaction.userId, response, challengeId: readClientDataChallenge(clientDataJSON) ?? "" };
  }
  const result = await authenticatePerson(app.db, {
    proof,
    ipAddress: request.ipAddress,
    userAgent: request.headers.get("user-agent"),
    now,
    factorKeys: { secretsKey: app.secretsKey, orgUrl: app.orgUrl },
  });
  if (!result.ok) {
    if (result.reason === "LOCKED_OUT") await endTransaction(app, transaction, now);
    throw refusalError(result, now);
  }
  // Okta's `?rememberDevice=true` on the verify call (okta-auth-js `factor.verify({passCode, rememberDevice: true})`)
  const rememberDevice = request.url.searchParams.get("rememberDevice") === "true";
  return answerStep(app, request, { user: await loadAuthnUser(app, transaction.userId), amr: combineAmr(transaction.amr, result.amr), transaction, now, rememberDevice });
}
