import type { EnrollDecision } from "../sign-on-policies/evaluate-enroll-policy";
import type { SignOnDecision } from "../sign-on-policies/evaluate-sign-on-policy";

/** Why a user may not remove one of their own factors (My Account), or null: they may. */
export type FactorRemovalRefusal =
  /** the enrollment policy REQUIRES this kind of factor and it is the user's only ACTIVE one of its kind */
  | "required-by-enrollment"
  /** the sign-on policy asks for a factor and it is the user's only ACTIVE factor the enrollment policy allows */
  | "last-required-factor";

export type RemovableFactor = { id: string; factorType: string; provider: string; status: string };

const sameKind = (a: { factorType: string; provider: string }, b: { factorType: string; provider: string }) => a.factorType === b.factorType && a.provider === b.provider;

/**
 * Whether a user may remove `factor` themselves, pure (the decisions of evaluateSignOnPolicy and
 * evaluateEnrollPolicy for the user; `factors`: all of the user's factors). A factor not yet ACTIVE
 * can always go. Otherwise, as Okta's end-user settings do, a user cannot remove the factor that
 * keeps them within policy: the last ACTIVE one of a kind the enrollment policy REQUIRES, or, while
 * the sign-on rule requires a factor, their last ACTIVE factor of an allowed kind (else whoever
 * holds the password alone could enroll a factor of their own at the next sign-in). An
 * administrator can still reset any factor (the Factors API).
 */
export function factorRemovalRefusal(input: { signOn: SignOnDecision; enroll: EnrollDecision; factors: readonly RemovableFactor[]; factor: RemovableFactor }): FactorRemovalRefusal | null {
  const { signOn, enroll, factor } = input;
  if (factor.status !== "ACTIVE") return null;
  const others = input.factors.filter((other) => other.id !== factor.id && other.status === "ACTIVE");
  const requirementOf = (kind: { factorType: string; provider: string }) => enroll.byFactor.find((entry) => sameKind(entry, kind))?.requirement ?? "NOT_ALLOWED";
  if (requirementOf(factor) === "REQUIRED" && !others.some((other) => sameKind(other, factor))) return "required-by-enrollment";
  if (signOn.access === "ALLOW" && signOn.requireFactor && !others.some((other) => requirementOf(other) !== "NOT_ALLOWED")) return "last-required-factor";
  return null;
}
