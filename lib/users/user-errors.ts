import { checkPasswordPolicy, describePasswordViolations } from "../passwords/check-password-policy";
import { AdminApiError, validationError } from "../okta-api/admin-api-error";

/** E0000001 on login, Okta's wording: logins are unique without regard to case (and an extra cause, if any). */
export const duplicateLoginError = (extra: string | null = null) =>
  validationError("login", ["login: An object with this field already exists in the current organization", ...(extra ? [extra] : [])]);

/** E0000016: activating an ACTIVE user. */
export const alreadyActiveError = () => new AdminApiError(403, "E0000016", "Activation failed because the user is already active");

/** E0000038: a lifecycle operation the user's status does not allow (403). */
export const statusNotAllowedError = (cause: string) => new AdminApiError(403, "E0000038", "This operation is not allowed in the user's current status.", [cause]);

/** E0000032: unlocking a user who is neither LOCKED_OUT nor ACTIVE. */
export const unlockNotAllowedError = (status: string) =>
  new AdminApiError(403, "E0000032", "Unlock is not allowed for this user.", [`Only a LOCKED_OUT (or ACTIVE) user can be unlocked; this user is ${status}.`]);

/** E0000001 on status: suspend/unsuspend from the wrong status (Okta answers 400 E0000001 here). */
export const wrongStatusError = (cause: string) => validationError("status", [`status: ${cause}`]);

/** E0000001 on password: the policy's causes, never the password. */
export function assertPasswordPolicy(password: string, login: string): void {
  const violations = checkPasswordPolicy(password, login);
  if (violations.length) throw validationError("password", [`password: ${describePasswordViolations(violations)}`]);
}
