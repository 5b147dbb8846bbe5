/** The sign-in page's messages, by the `error` query value the submit step redirects with. */
export const SIGNIN_ERRORS = {
  /** wrong password, unknown user, or a user who cannot sign in: never says which */
  invalid: "Unable to sign in",
  locked: "Your account is locked. Please contact your administrator.",
  rate_limited: "Too many attempts, try again later.",
  missing: "Enter your username and password.",
} as const;

export type SigninError = keyof typeof SIGNIN_ERRORS;

export function readSigninError(value: string | null | undefined): SigninError | null {
  return value && Object.hasOwn(SIGNIN_ERRORS, value) ? (value as SigninError) : null;
}
