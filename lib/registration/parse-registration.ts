import { problemOf, type ProfileFieldProblem } from "../users/update-own-profile";
import { userProfileInput } from "../users/user-profile-input";

/** What the "Create account" form sends besides the password: email, first and last name, and the org's chosen attributes. */
export type RegistrationValues = Readonly<Record<string, string>>;

/** The fields always asked for (Okta's registration form: email as the username, first and last name). */
export const REQUIRED_REGISTRATION_FIELDS = ["email", "firstName", "lastName"] as const;

export type ParsedRegistration = { ok: true; profile: Record<string, string> & { login: string; email: string } } | { ok: false; problems: Record<string, ProfileFieldProblem> };

/** CR, LF, NUL and the other control characters: never part of a name or an address (they would split an email header). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The profile a registration asks to create (pure): email (which is also the login), first and last
 * name (required), and of the org's `attributes` those filled in; everything else is ignored. Each
 * value is trimmed; a value with a control character is "invalid" (header injection: an email
 * address or a name with CR/LF never reaches a mail header); then the Users API's profile rules
 * (userProfileInput: email shape and length, names at most 50 characters, a locale's or time
 * zone's format).
 */
export function parseRegistration(values: RegistrationValues, attributes: readonly string[]): ParsedRegistration {
  const problems: Record<string, ProfileFieldProblem> = {};
  const profile: Record<string, string> = {};
  for (const name of [...REQUIRED_REGISTRATION_FIELDS, ...attributes]) {
    const value = (values[name] ?? "").trim();
    if (CONTROL.test(value)) problems[name] = "invalid";
    else if (value) profile[name] = value;
  }
  const parsed = userProfileInput.safeParse({ ...profile, login: profile.email ?? "" });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] === "login" ? "email" : String(issue.path[0] ?? "email");
      problems[name] ??= problemOf(issue.message);
    }
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, profile: { ...profile, login: profile.email!, email: profile.email! } };
}
