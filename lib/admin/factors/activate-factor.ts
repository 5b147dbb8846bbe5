import { activateFactor as activateUserFactor } from "../../factors/activate-factor";
import { relyingPartyFor } from "../../factors/relying-party";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findUser } from "../../users/find-user";
import { userLogTargets } from "../users/user-log-targets";
import { checkFactorAttempt } from "./check-factor-attempt";
import { factorOutcomeError } from "./factor-errors";
import { factorJson } from "./factor-json";
import { factorLogContext } from "./factor-log-context";
import { factorProofInput, type FactorProofBody } from "./factor-proof-input";

/**
 * POST /api/v1/users/:userId/factors/:factorId/lifecycle/activate -> 200 Factor, ACTIVE (SDK
 * activateFactor): a TOTP factor with `{passCode}` (a current code, which is then used), a WebAuthn
 * factor with `{attestation, clientData}` answering its registration challenge. A wrong code or a
 * registration that does not verify: 403 E0000068; a code already used: 403 E0000082; a factor that
 * is not PENDING_ACTIVATION: 400 E0000001. Each attempt counts against the user's factor budget
 * (429 E0000047 beyond it). Logged as user.mfa.factor.activate.
 */
export async function activateFactor(ctx: AdminContext): Promise<AdminResponse> {
  const { userId = "", factorId = "" } = ctx.request.params;
  return { status: 200, body: await runActivateFactor(ctx, userId, factorId, () => readJsonBody<FactorProofBody>(ctx.request, { optional: true })) };
}

/** activateFactor as a typed operation. */
export async function runActivateFactor(ctx: OperationContext, userId: string, factorId: string, body: Deferred<FactorProofBody>) {
  const user = await findUser(ctx.db, userId);
  const proof = parseInput(factorProofInput, body(), "factor");
  await checkFactorAttempt(ctx, user.id);
  const result = await activateUserFactor(ctx.db, { userId: user.id, factorId, proof, now: ctx.now(), secretsKey: ctx.secretsKey, rp: relyingPartyFor(ctx.orgUrl), orgUrl: ctx.orgUrl }, (tx, factor) =>
    audit(tx, ctx, "user.mfa.factor.activate", "Activate factor for user", userLogTargets(user), factorLogContext(factor)),
  );
  if (result.outcome === "activated") return factorJson(ctx.orgUrl, result.factor);
  throw factorOutcomeError(result, factorId);
}
