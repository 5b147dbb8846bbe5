import { relyingPartyFor } from "../../factors/relying-party";
import { verifyFactor as verifyUserFactor, type CheckedVerification } from "../../factors/verify-factor";
import type { InTransaction } from "../../db/record-change";
import { link } from "../../okta-api/links";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { appendSystemLog } from "../../system-log/write-system-log";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { findUser } from "../../users/find-user";
import { userLogTargets } from "../users/user-log-targets";
import { checkFactorAttempt } from "./check-factor-attempt";
import { factorOutcomeError } from "./factor-errors";
import { factorLogContext } from "./factor-log-context";
import { factorProofInput, type FactorProofBody } from "./factor-proof-input";
import { WEBAUTHN_TIMEOUT_MS } from "../../factors/webauthn-timeouts";

/**
 * POST /api/v1/users/:userId/factors/:factorId/verify -> 200 {factorResult: "SUCCESS"} (SDK
 * verifyFactor): a TOTP factor with `{passCode}`; a WebAuthn factor first without a body ->
 * {factorResult: "CHALLENGE", profile, _links, _embedded.challenge {challenge, extensions,
 * userVerification, timeout}}, then with the assertion `{clientData, authenticatorData,
 * signatureData}`. A wrong code or an assertion that does not verify (counter regressions included):
 * 403 E0000068; a code already used: 403 E0000082; a factor not ACTIVE: 400 E0000001. Each attempt
 * counts against the user's factor budget (429 E0000047 beyond it). Every checked answer is logged
 * as user.authentication.auth_via_mfa, SUCCESS or FAILURE.
 */
export async function verifyFactor(ctx: AdminContext): Promise<AdminResponse> {
  const { userId = "", factorId = "" } = ctx.request.params;
  return { status: 200, body: await runVerifyFactor(ctx, userId, factorId, () => readJsonBody<FactorProofBody>(ctx.request, { optional: true })) };
}

/** verifyFactor as a typed operation. */
export async function runVerifyFactor(ctx: OperationContext, userId: string, factorId: string, body: Deferred<FactorProofBody>) {
  const user = await findUser(ctx.db, userId);
  const proof = parseInput(factorProofInput, body(), "factor");
  const challengeOnly = proof.passCode === undefined && proof.clientData === undefined && proof.authenticatorData === undefined && proof.signatureData === undefined;
  if (!challengeOnly) await checkFactorAttempt(ctx, user.id);
  const result = await verifyUserFactor(ctx.db, { userId: user.id, factorId, proof, now: ctx.now(), secretsKey: ctx.secretsKey, rp: relyingPartyFor(ctx.orgUrl) }, (tx, checked) =>
    logVerification(tx, ctx, user, checked),
  );
  switch (result.outcome) {
    case "success":
      return { factorResult: "SUCCESS" };
    case "challenge": {
      const base = `/api/v1/users/${user.id}/factors/${result.factor.id}`;
      return {
        factorResult: "CHALLENGE",
        profile: result.factor.profile,
        _links: { verify: link(ctx.orgUrl, `${base}/verify`, ["POST"]), factor: link(ctx.orgUrl, base, ["GET", "DELETE"]) },
        _embedded: { challenge: { challenge: result.challenge, extensions: {}, userVerification: "required", timeout: WEBAUTHN_TIMEOUT_MS } },
      };
    }
    default:
      throw factorOutcomeError(result, factorId);
  }
}

/** user.authentication.auth_via_mfa, in the verification's transaction; the reason of a failure, never the code or assertion. */
function logVerification(tx: InTransaction, ctx: OperationContext, user: Parameters<typeof userLogTargets>[0], checked: CheckedVerification) {
  const reason = checked.outcome === "success" ? undefined : checked.outcome === "reused" ? "PASSCODE_REPLAYED" : checked.reason;
  return appendSystemLog(
    tx,
    {
      eventType: "user.authentication.auth_via_mfa",
      displayMessage: "Authentication of user via MFA",
      actor: { id: ctx.actor.userId, type: "User", alternateId: ctx.actor.login, displayName: ctx.actor.displayName },
      client: ctx.client,
      outcome: checked.outcome === "success" ? { result: "SUCCESS" } : { result: "FAILURE", reason },
      target: userLogTargets(user),
      debugContext: { ...factorLogContext(checked.factor), apiTokenId: ctx.actor.apiTokenId, ...(ctx.requestUri !== null ? { requestUri: ctx.requestUri } : {}) },
    },
    ctx.now(),
  );
}
