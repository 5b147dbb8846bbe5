/**
 * How recent a sign-in must be for a sensitive change without typing the password again (removing a
 * sign-in method; a password change always asks for the current password). Okta's end-user
 * settings re-verify the user before security changes unless they signed in moments ago, and Auth0
 * recommends a step-up with `max_age` for the same (OIDC Core 3.1.2.1): five minutes here.
 */
export const REAUTH_AFTER_MINUTES = 5;

/** Whether a session whose user last authenticated at `authTime` must confirm their password now. */
export function needsReauthentication(authTime: Date, now: Date): boolean {
  return now.getTime() - authTime.getTime() > REAUTH_AFTER_MINUTES * 60_000;
}
