/** The sign-in page's messages, by the `error` query value the submit step redirects with. */
export const SIGNIN_ERRORS = {
  /** wrong password, unknown user, or a user who cannot sign in: never says which */
  invalid: "Unable to sign in",
  locked: "Your account is locked. Please contact your administrator.",
  rate_limited: "Too many attempts, try again later.",
  missing: "Enter your username and password.",
  /** the factor step: a wrong, expired or reused one-time code */
  code: "That code did not work. Enter the current code from your authenticator app.",
  /** the factor step: no code typed */
  code_missing: "Enter the 6-digit code from your authenticator app.",
  /** a passkey that could not be verified (cancelled, unknown, or a failed assertion) */
  passkey: "Your passkey could not be verified. Try again, or choose another way to sign in.",
  /** the sign-on policy denies this sign-in */
  denied: "You are not allowed to sign in from here. Contact your administrator.",
} as const;

export type SigninError = keyof typeof SIGNIN_ERRORS;

export function readSigninError(value: string | null | undefined): SigninError | null {
  return value && Object.hasOwn(SIGNIN_ERRORS, value) ? (value as SigninError) : null;
}
