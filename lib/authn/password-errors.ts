import { describePasswordViolations, type PasswordViolation } from "../passwords/check-password-policy";
import { AdminApiError, rateLimitError } from "../okta-api/admin-api-error";

/** E0000105 (403): a recovery token that is unknown, used, expired, an activation token, or whose user may no longer recover. */
export const recoveryTokenError = () => new AdminApiError(403, "E0000105", "You have accessed an account recovery link that has expired or been previously used.");

/** E0000080 (403): the new password breaks the policy (or is the current one); the policy's causes, never the password. */
export function passwordPolicyError(refusal: { reason: "policy"; violations: PasswordViolation[] } | { reason: "unchanged" }): AdminApiError {
  const cause = refusal.reason === "policy" ? describePasswordViolations(refusal.violations) : "Password requirements were not met. Password cannot be your current password.";
  return new AdminApiError(403, "E0000080", "The password does not meet the complexity requirements of the current password policy.", [`password: ${cause}`]);
}

/** E0000014 (403): the old password of a change of password is not right. */
export const oldPasswordError = () => new AdminApiError(403, "E0000014", "Update of credentials failed", ["oldPassword: Old Password is not correct"]);

/** 429 E0000047 with Okta's X-Rate-Limit-* headers. */
export function rateLimitedError(limit: number, resetAt: Date): AdminApiError {
  return rateLimitError({ "X-Rate-Limit-Limit": String(limit), "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String(Math.ceil(resetAt.getTime() / 1000)) });
}
