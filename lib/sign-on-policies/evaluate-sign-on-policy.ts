import type { ZoneSet } from "../network-zones/get-network-zones";
import type { OrgPolicySet } from "./get-org-policies";
import { matchPolicyRule } from "./match-policy-rule";
import type { FactorPromptMode, SignOnActions } from "./org-policy-types";

export type SignOnPolicyInput = {
  policies: OrgPolicySet;
  user: { id: string };
  /** the user's explicit group memberships (the Everyone group is implied) */
  groupIds: readonly string[];
  ipAddress: string | null;
  /** the ACTIVE network zones (rules with a ZONE network condition) */
  zones: ZoneSet;
  session: {
    /** when this browser session last verified a factor (SESSION prompt mode) */
    factorVerifiedAt?: Date | null;
    /** this device was remembered after a factor verification and the memory has not expired (DEVICE prompt mode) */
    rememberedDevice?: boolean;
  };
  now: Date;
};

export type SignOnDecision = {
  /** the policy and rule that decided; null when none matched (then access is DENY) */
  matched: { policyId: string; policyName: string; ruleId: string; ruleName: string } | null;
  access: "ALLOW" | "DENY";
  requireFactor: boolean;
  factorPromptMode: FactorPromptMode | null;
  factorLifetimeMinutes: number | null;
  rememberDeviceByDefault: boolean;
  /** whether this sign-in must verify a factor now (requireFactor, and the prompt mode does not excuse it) */
  challenge: boolean;
  /** the rule's session limits: idle minutes, lifetime minutes (0 = no limit of the rule's own), persistent cookie */
  session: { maxSessionIdleMinutes: number; maxSessionLifetimeMinutes: number; usePersistentCookie: boolean };
};

const DENIED: SignOnDecision = {
  matched: null,
  access: "DENY",
  requireFactor: false,
  factorPromptMode: null,
  factorLifetimeMinutes: null,
  rememberDeviceByDefault: false,
  challenge: false,
  session: { maxSessionIdleMinutes: 0, maxSessionLifetimeMinutes: 0, usePersistentCookie: false },
};

/**
 * The sign-on (OKTA_SIGN_ON) policy decision for one sign-in, pure: the first matching rule of the
 * first matching policy (matchPolicyRule), and whether a factor must be verified now
 * (spec: Signon Action object):
 * - requireFactor false: never;
 * - ALWAYS: on every sign-in;
 * - SESSION: unless a factor was verified less than factorLifetime minutes ago;
 * - DEVICE: unless the device is remembered.
 * A DENY rule denies whatever the factors. No match (impossible while the default policy and rule
 * exist, as they always do): DENY, failing closed.
 */
export function evaluateSignOnPolicy(input: SignOnPolicyInput): SignOnDecision {
  const { policies, user, groupIds, ipAddress, zones, session, now } = input;
  const found = matchPolicyRule(policies.policies.OKTA_SIGN_ON, { userId: user.id, groupIds, ipAddress, zones, everyoneGroupId: policies.everyoneGroupId });
  if (!found) return DENIED;
  const { signon } = found.rule.actions as SignOnActions;
  const lifetime = signon.requireFactor ? signon.factorLifetime : null;
  const mode = signon.requireFactor ? signon.factorPromptMode : null;
  return {
    matched: { policyId: found.policy.id, policyName: found.policy.name, ruleId: found.rule.id, ruleName: found.rule.name },
    access: signon.access,
    requireFactor: signon.requireFactor,
    factorPromptMode: mode,
    factorLifetimeMinutes: lifetime,
    rememberDeviceByDefault: signon.rememberDeviceByDefault,
    challenge: signon.access === "ALLOW" && mustChallenge(mode, lifetime, session, now),
    session: { ...signon.session },
  };
}

function mustChallenge(mode: FactorPromptMode | null, lifetimeMinutes: number | null, session: SignOnPolicyInput["session"], now: Date): boolean {
  switch (mode) {
    case null:
      return false;
    case "ALWAYS":
      return true;
    case "SESSION": {
      const verifiedAt = session.factorVerifiedAt?.getTime();
      // a verification "in the future" (another instance's clock) counts as now
      return verifiedAt === undefined || lifetimeMinutes === null || now.getTime() - verifiedAt >= lifetimeMinutes * 60_000;
    }
    case "DEVICE":
      return session.rememberedDevice !== true;
  }
}
