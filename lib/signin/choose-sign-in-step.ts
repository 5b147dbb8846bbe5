import type { EnrollDecision } from "../sign-on-policies/evaluate-enroll-policy";
import type { SignOnDecision } from "../sign-on-policies/evaluate-sign-on-policy";
import { includesFactor } from "./combine-amr";

export type FactorType = "token:software:totp" | "webauthn";
export type FactorProvider = "OKTA" | "GOOGLE" | "FIDO";

/** An ACTIVE factor the user may verify now. */
export type FactorChoice = { id: string; factorType: FactorType; provider: FactorProvider; profile: Record<string, unknown> };
/** A factor the user may (REQUIRED: must) enroll now. */
export type EnrollOption = { factorType: FactorType; provider: FactorProvider; requirement: "REQUIRED" | "OPTIONAL" };

export type SignInStep =
  /** no (more) factor needed: start the session */
  | { kind: "done" }
  /** the sign-on policy denies access (or a factor is demanded that the user can neither verify nor enroll) */
  | { kind: "denied" }
  | { kind: "verify"; factors: FactorChoice[]; rememberDeviceByDefault: boolean; factorLifetimeMinutes: number | null }
  /** factors to enroll: REQUIRED ones missing (MFA_ENROLL says LOGIN), or a factor demanded and none of the allowed ones enrolled */
  | { kind: "enroll"; options: EnrollOption[] };

export type ActiveFactor = { id: string; factorType: string; provider: string; profile: unknown };

export type SignInStepInput = {
  signOn: SignOnDecision;
  enroll: EnrollDecision;
  /** the user's ACTIVE factors, oldest first */
  factors: readonly ActiveFactor[];
  /** how the user authenticated so far in this sign-in (a factor in it satisfies the demand) */
  amr: readonly string[];
  /** the app asked for a second factor whatever the policy (acr_values urn:okta:loa:2fa:any) */
  stepUp: boolean;
};

const sameKind = (a: { factorType: string; provider: string }, b: { factorType: string; provider: string }) => a.factorType === b.factorType && a.provider === b.provider;

/**
 * The next step of a sign-in, pure (decideSignInStep reads its inputs):
 * 1. the sign-on rule DENYs -> denied;
 * 2. the enrollment rule says LOGIN and a REQUIRED factor is not ACTIVE -> enroll (every allowed
 *    factor not yet set up; the REQUIRED ones must be);
 * 3. a factor is demanded (the sign-on rule's challenge, or `stepUp`) and none was verified in this
 *    sign-in (`amr`) -> verify among the ACTIVE factors the enrollment policy allows; with none of
 *    those: enroll the allowed ones when the rule enrolls at all (CHALLENGE or LOGIN), else verify any
 *    ACTIVE factor, else denied (a demand nobody can meet fails closed);
 * 4. done.
 */
export function chooseSignInStep(input: SignInStepInput): SignInStep {
  const { signOn, enroll, factors } = input;
  if (signOn.access !== "ALLOW") return { kind: "denied" };
  const allowed = enroll.byFactor.filter((kind): kind is typeof kind & { requirement: EnrollOption["requirement"] } => kind.requirement !== "NOT_ALLOWED");
  const enrollOptions = (kinds: typeof allowed): EnrollOption[] =>
    kinds.map((kind) => ({ factorType: kind.factorType as FactorType, provider: kind.provider as FactorProvider, requirement: kind.requirement }));
  const notSetUp = allowed.filter((kind) => !factors.some((factor) => sameKind(factor, kind)));

  if (enroll.enroll === "LOGIN" && notSetUp.some((kind) => kind.requirement === "REQUIRED")) return { kind: "enroll", options: enrollOptions(notSetUp) };

  const demanded = (signOn.challenge || input.stepUp) && !includesFactor(input.amr);
  if (!demanded) return { kind: "done" };
  const usable = factors.filter((factor) => allowed.some((kind) => sameKind(factor, kind)));
  if (usable.length === 0 && enroll.enroll !== "NEVER" && allowed.length > 0) return { kind: "enroll", options: enrollOptions(allowed) };
  const choices = usable.length > 0 ? usable : factors;
  if (choices.length === 0) return { kind: "denied" };
  return {
    kind: "verify",
    factors: choices.map((factor) => ({
      id: factor.id,
      factorType: factor.factorType as FactorType,
      provider: factor.provider as FactorProvider,
      profile: factor.profile && typeof factor.profile === "object" && !Array.isArray(factor.profile) ? (factor.profile as Record<string, unknown>) : {},
    })),
    rememberDeviceByDefault: signOn.rememberDeviceByDefault,
    factorLifetimeMinutes: signOn.factorLifetimeMinutes,
  };
}
