/** The org's password policy (Okta's default, simplified): length bounds and no username inside. */
export const PASSWORD_POLICY = { minLength: 8, maxLength: 256, minUsernameLength: 3 } as const;

export type PasswordViolation = "TOO_SHORT" | "TOO_LONG" | "CONTAINS_USERNAME";

const SENTENCES: Record<PasswordViolation, string> = {
  TOO_SHORT: `Password requirements: at least ${PASSWORD_POLICY.minLength} characters.`,
  TOO_LONG: `Password requirements: at most ${PASSWORD_POLICY.maxLength} characters.`,
  CONTAINS_USERNAME: "Your password cannot contain your username.",
};

/**
 * The rules a new password breaks, in a fixed order (none: it is acceptable).
 * - length counts characters (code points), at least 8 and at most 256;
 * - the username is the login's part before the last '@'; the password may not contain it, compared
 *   without regard to case. A username of 1 or 2 characters is not checked: it would forbid nearly
 *   every password while protecting nothing.
 */
export function checkPasswordPolicy(password: string, login: string): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < PASSWORD_POLICY.minLength) violations.push("TOO_SHORT");
  if (length > PASSWORD_POLICY.maxLength) violations.push("TOO_LONG");
  const at = login.lastIndexOf("@");
  const username = (at > 0 ? login.slice(0, at) : login).toLowerCase();
  if (username.length >= PASSWORD_POLICY.minUsernameLength && password.toLowerCase().includes(username)) {
    violations.push("CONTAINS_USERNAME");
  }
  return violations;
}

/** Okta's wording: "Password requirements were not met." followed by one sentence per broken rule. */
export function describePasswordViolations(violations: PasswordViolation[]): string {
  return ["Password requirements were not met.", ...violations.map((v) => SENTENCES[v])].join(" ");
}
