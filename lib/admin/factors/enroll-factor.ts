import { z } from "zod";
import { enrollFactor as enrollUserFactor } from "../../factors/enroll-factor";
import { relyingPartyFor } from "../../factors/relying-party";
import { findSupportedFactor } from "../../factors/supported-factors";
import { notFoundError } from "../../okta-api/admin-api-error";
import { parseInput, type BodyOf } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findUser } from "../../users/find-user";
import { readBooleanParam } from "../users/read-boolean-param";
import { userDisplayName, userLogTargets } from "../users/user-log-targets";
import { alreadyEnrolledError, unsupportedFactorError } from "./factor-errors";
import { factorJson } from "./factor-json";
import { factorLogContext } from "./factor-log-context";

/** The enroll body: the factor type and provider (a profile, if sent, is Okta's to fill and is ignored). */
const enrollFactorInput = z.object({
  factorType: z.string({ error: "The field cannot be left blank." }).min(1, "The field cannot be left blank."),
  provider: z.string({ error: "The field cannot be left blank." }).min(1, "The field cannot be left blank."),
  profile: z.record(z.string(), z.unknown()).optional(),
});

export type EnrollFactorBody = BodyOf<typeof enrollFactorInput>;

/**
 * POST /api/v1/users/:userId/factors?activate {factorType, provider} -> 200 Factor (SDK
 * enrollFactor): `token:software:totp` (OKTA, GOOGLE) with `_embedded.activation` {timeStep,
 * sharedSecret, encoding, keyLength, _links.qrcode}, or `webauthn` (FIDO) with the credential
 * creation options; PENDING_ACTIVATION. `activate=true` makes a TOTP factor ACTIVE at once (the
 * secret is still shown, to provision the app); a WebAuthn factor cannot be activated without its
 * authenticator and stays PENDING_ACTIVATION. Logged as user.mfa.factor.update (pending) or
 * user.mfa.factor.activate.
 */
export async function enrollFactor(ctx: AdminContext): Promise<AdminResponse> {
  const request = () => ({ activate: readBooleanParam(ctx.request.url, "activate", false), body: readJsonBody<EnrollFactorBody>(ctx.request) });
  return { status: 200, body: await runEnrollFactor(ctx, ctx.request.params.userId ?? "", request) };
}

/** enrollFactor as a typed operation. */
export async function runEnrollFactor(ctx: OperationContext, userId: string, request: Deferred<{ activate: boolean; body: EnrollFactorBody }>) {
  const user = await findUser(ctx.db, userId);
  const { activate, body } = request();
  const input = parseInput(enrollFactorInput, body, "factorEnrollRequest");
  const factor = findSupportedFactor(input.factorType, input.provider);
  if (!factor) throw unsupportedFactorError(input.factorType, input.provider);
  const result = await enrollUserFactor(
    ctx.db,
    { user: { id: user.id, login: user.login, displayName: userDisplayName(user) }, factor, activate, now: ctx.now(), secretsKey: ctx.secretsKey, rp: relyingPartyFor(ctx.orgUrl) },
    (tx, written) =>
      written.status === "ACTIVE"
        ? audit(tx, ctx, "user.mfa.factor.activate", "Activate factor for user", userLogTargets(user), factorLogContext(written))
        : audit(tx, ctx, "user.mfa.factor.update", "Enroll factor for user", userLogTargets(user), factorLogContext(written)),
  );
  if (result.outcome === "no-user") throw notFoundError(user.id, "User"); // deleted meanwhile
  if (result.outcome === "already-enrolled") throw alreadyEnrolledError();
  return factorJson(ctx.orgUrl, result.factor, result.activation);
}
