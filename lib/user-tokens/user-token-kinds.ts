/**
 * The one-time link tokens of a user's lifecycle (the UserToken table):
 * - ACTIVATION: Okta's activationToken (`lifecycle/activate`, `lifecycle/reactivate`, a user created
 *   without a password): the welcome page `/welcome/{token}` sets the first password. Okta's
 *   activation links are valid for 7 days by default.
 * - RECOVERY: Okta's recovery token (self-service "Forgot password?", `/api/v1/authn/recovery/password`,
 *   the admin's `lifecycle/reset_password`): `/signin/reset-password/{token}` or
 *   `/api/v1/authn/recovery/token` sets a new one. Valid for the org's recoveryTokenLifetimeMinutes.
 * - EMAIL_CHANGE: My Account's "change email": the link `/account/email/verify?token=` sent to the
 *   new address (held in the token's `newEmail`) proves it; confirmed by the signed-in owner, it
 *   becomes the user's email. Valid for EMAIL_CHANGE_TOKEN_LIFETIME_MS.
 * - EMAIL_VERIFY: self-service registration (lib/registration): the link `/signin/verify-email/{token}`
 *   sent to the address a person registered proves it, and the account becomes ACTIVE. Valid for the
 *   org's registrationLinkLifetimeMinutes.
 */
export type UserTokenKind = "ACTIVATION" | "RECOVERY" | "EMAIL_CHANGE" | "EMAIL_VERIFY";

/** Okta's default lifetime of an activation link: 7 days. */
export const ACTIVATION_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60_000;

/**
 * How long an email-change link works: 24 hours (a link in a mailbox not checked for a day is
 * better asked for again; Okta's own email-verification links are valid for a short time too).
 */
export const EMAIL_CHANGE_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/** Our tokens are 43 characters (256 bits, base64url); anything much longer is not one (bounded work). */
export const MAX_USER_TOKEN_LENGTH = 256;

/** Okta's link forms: `{ORG_URL}/welcome/{activationToken}` and `{ORG_URL}/signin/reset-password/{recoveryToken}`. */
export const userTokenUrls = {
  activation: (orgUrl: string, token: string) => `${orgUrl}/welcome/${encodeURIComponent(token)}`,
  resetPassword: (orgUrl: string, token: string) => `${orgUrl}/signin/reset-password/${encodeURIComponent(token)}`,
  verifyEmail: (orgUrl: string, token: string) => `${orgUrl}/signin/verify-email/${encodeURIComponent(token)}`,
};

/** Why a presented token does not work (each says so on its own page; none changes anything). */
export type UserTokenRefusal = "invalid" | "expired" | "used";
