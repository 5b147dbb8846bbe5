import { z } from "zod";
import type { AppContext } from "../app-context";
import { enrollFactor } from "../factors/enroll-factor";
import { relyingPartyFor } from "../factors/relying-party";
import { findSupportedFactor } from "../factors/supported-factors";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { validationError } from "../okta-api/admin-api-error";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import { decideSignInStep } from "../signin/decide-sign-in-step";
import { recordFactorEvent } from "../signin/record-factor-event";
import { activationState, invalidStateTokenError, loadAuthnUser, loadTransaction } from "./authn-flow";

const ENROLL_REQUEST = z.object(
  {
    stateToken: z.string({ error: "The field cannot be left blank" }).max(256),
    factorType: z.string({ error: "The field cannot be left blank" }).max(64),
    provider: z.string({ error: "The field cannot be left blank" }).max(64),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn/factors (MFA_ENROLL, okta-auth-js `factor.enroll()`): enrolls one of the factors
 * the enrollment policy offers the user now (400 E0000001 for another), PENDING_ACTIVATION with a
 * new TOTP secret or WebAuthn registration options (logged as user.mfa.factor.update, as the Factors
 * API logs it), and answers MFA_ENROLL_ACTIVATE. A stateToken not
 * in MFA_ENROLL: 403 E0000011.
 */
export async function enrollAuthnFactor(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const body = parseInput(ENROLL_REQUEST, readJsonBody(request), "factorEnrollRequest");
  const now = app.now();
  const transaction = await loadTransaction(app, body.stateToken, now);
  if (transaction.status !== "MFA_ENROLL") throw invalidStateTokenError();
  const step = await decideSignInStep(app.db, { userId: transaction.userId, amr: transaction.amr, ipAddress: request.ipAddress, factorVerifiedAt: null, rememberedDevice: false, now });
  const offered = step.kind === "enroll" && step.options.some((option) => option.factorType === body.factorType && option.provider === body.provider);
  const supported = findSupportedFactor(body.factorType, body.provider);
  if (!offered || !supported) throw validationError("factorEnrollRequest", [`The factor type ${body.factorType} with provider ${body.provider} cannot be enrolled now.`]);
  const user = await loadAuthnUser(app, transaction.userId);
  const displayName = [user.profile.firstName, user.profile.lastName].filter((part) => typeof part === "string" && part).join(" ") || user.login;
  const enrolled = await enrollFactor(
    app.db,
    { user: { id: user.id, login: user.login, displayName }, factor: supported, activate: false, now, secretsKey: app.secretsKey, rp: relyingPartyFor(app.orgUrl) },
    (tx, written) => recordFactorEvent(tx, { kind: "enroll", user, factor: written, client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") }, now }),
  );
  if (enrolled.outcome !== "enrolled") throw validationError("factorEnrollRequest", ["A factor of this type is already set up."]);
  return activationState(app, transaction, enrolled.factor, enrolled.activation, now);
}
