import { PASSWORD_POLICY, type PasswordViolation } from "../passwords/check-password-policy";
import type { RecoveryMessageKey, RecoveryTranslator } from "./recovery-messages";

/** What an account page's form can come back with (the `error` query value, comma-separated). */
const FORM_ERRORS = ["missing", "mismatch", "TOO_SHORT", "TOO_LONG", "CONTAINS_USERNAME", "unchanged", "wrong", "rate_limited", "username_missing"] as const;
export type RecoveryFormError = (typeof FORM_ERRORS)[number];

export type PasswordRefusal = { reason: "policy"; violations: PasswordViolation[] } | { reason: "unchanged" | "wrong" | "rate_limited" | "missing" | "mismatch" };

/** The errors of a refused form, for the query. */
export function formErrors(refusal: PasswordRefusal): string {
  return refusal.reason === "policy" ? refusal.violations.join(",") : refusal.reason;
}

/** The known errors of an `error` query value (anything else is dropped). */
export function readFormErrors(value: string | null | undefined): RecoveryFormError[] {
  if (!value || value.length > 200) return [];
  return [...new Set(value.split(","))].filter((code): code is RecoveryFormError => (FORM_ERRORS as readonly string[]).includes(code));
}

const KEYS: Record<RecoveryFormError, RecoveryMessageKey> = {
  missing: "error.missing",
  mismatch: "error.mismatch",
  TOO_SHORT: "error.TOO_SHORT",
  TOO_LONG: "error.TOO_LONG",
  CONTAINS_USERNAME: "error.CONTAINS_USERNAME",
  unchanged: "error.unchanged",
  wrong: "error.wrong",
  rate_limited: "common.rateLimited",
  username_missing: "forgot.missing",
};

/** An error's sentence in the page's language. */
export function formErrorMessage(code: RecoveryFormError, t: RecoveryTranslator): string {
  return t(KEYS[code], { min: PASSWORD_POLICY.minLength, max: PASSWORD_POLICY.maxLength });
}

/** Whether the error concerns the current-password field (else the new password's). */
export const isCurrentPasswordError = (code: RecoveryFormError) => code === "wrong";
