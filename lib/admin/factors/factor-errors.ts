import { AdminApiError, notFoundError, validationError } from "../../okta-api/admin-api-error";

/** E0000068 (403), Okta's answer to a wrong passcode or a WebAuthn answer that does not verify. */
export const invalidPasscodeError = () => new AdminApiError(403, "E0000068", "Invalid Passcode/Answer", ["Your passcode doesn't match our records. Please try again."]);

/** E0000082 (403): a right TOTP code that was already used (each code once; Okta's PASSCODE_REPLAYED). */
export const passcodeReusedError = () => new AdminApiError(403, "E0000082", "Each code can only be used once. Please wait for a new code and try again.");

/** E0000007 for a factor the user does not have. */
export const factorNotFoundError = (factorId: string) => notFoundError(factorId, "UserFactor");

/** E0000001 on the enroll request: a factor type and provider this server does not enroll. */
export const unsupportedFactorError = (factorType: string, provider: string) =>
  validationError("factorEnrollRequest", [`The factor type ${factorType} with provider ${provider} is not supported.`]);

/** E0000001 on the enroll request: the user already has an ACTIVE factor of this type and provider (Okta's wording). */
export const alreadyEnrolledError = () => validationError("factorEnrollRequest", ["A factor of this type is already set up."]);

/** E0000001: activating a factor that is not PENDING_ACTIVATION. */
export const notPendingError = () => validationError("factor", ["factor: The factor is already active; only a PENDING_ACTIVATION factor can be activated."]);

/** E0000001: verifying a factor that is not ACTIVE yet. */
export const notActiveError = () => validationError("factor", ["factor: The factor is not active; activate it before verifying it."]);

/** E0000001: the fields the factor's type needs are missing from the body. */
export const missingProofError = (fields: string[]) =>
  validationError(fields[0] ?? "body", fields.map((field) => `${field}: The field cannot be left blank.`));

/** A refused factor outcome of an activation or verification (lib/factors), as its Okta error. */
export type RefusedFactorOutcome =
  | { outcome: "gone" }
  | { outcome: "not-pending" }
  | { outcome: "not-active" }
  | { outcome: "missing-proof"; fields: string[] }
  | { outcome: "reused" }
  | { outcome: "invalid" };

/**
 * The one mapping of the factor outcomes both the activate and verify operations refuse: gone ->
 * 404 E0000007, not PENDING_ACTIVATION / not ACTIVE -> 400 E0000001, missing proof -> 400 E0000001
 * naming the fields, a reused code -> 403 E0000082, a wrong code or an answer that does not
 * verify -> 403 E0000068.
 */
export function factorOutcomeError(result: RefusedFactorOutcome, factorId: string): AdminApiError {
  switch (result.outcome) {
    case "gone":
      return factorNotFoundError(factorId);
    case "not-pending":
      return notPendingError();
    case "not-active":
      return notActiveError();
    case "missing-proof":
      return missingProofError(result.fields);
    case "reused":
      return passcodeReusedError();
    case "invalid":
      return invalidPasscodeError();
  }
}
