import type { Db } from "../db/create-db-client";
import { listFactors } from "../factors/list-factors";
import { SUPPORTED_FACTORS } from "../factors/supported-factors";
import { listGroupIdsOfUser } from "../groups/list-group-ids-of-user";
import { getNetworkZones } from "../network-zones/get-network-zones";
import { evaluateEnrollPolicy } from "../sign-on-policies/evaluate-enroll-policy";
import { evaluateSignOnPolicy } from "../sign-on-policies/evaluate-sign-on-policy";
import { getOrgPolicies } from "../sign-on-policies/get-org-policies";
import { chooseSignInStep, type SignInStep } from "./choose-sign-in-step";

export type { EnrollOption, FactorChoice, SignInStep } from "./choose-sign-in-step";

export type DecideSignInStepInput = {
  userId: string;
  /** how the user authenticated so far in this sign-in, e.g. ["pwd"] */
  amr: readonly string[];
  ipAddress: string | null;
  /** from the current session, if any */
  factorVerifiedAt: Date | null;
  /** the browser presented a valid remembered-device cookie (isDeviceRemembered) */
  rememberedDevice: boolean;
  /** the app asked for a second factor (acr_values urn:okta:loa:2fa:any), whatever the policy */
  stepUp?: boolean;
  now: Date;
};

/**
 * What a sign-in needs next, after each proof (the hosted pages and POST /api/v1/authn): the org's
 * sign-on and enrollment policies (cached) evaluated for the user (their groups, the address), the
 * session's last factor verification and the remembered device, and the user's ACTIVE factors; then
 * chooseSignInStep. Three reads: the policies (cached), the user's groups, the user's factors.
 */
export async function decideSignInStep(db: Db, input: DecideSignInStepInput): Promise<SignInStep> {
  const [policies, zones, groupIds, factors] = await Promise.all([getOrgPolicies(db, input.now), getNetworkZones(db, input.now), listGroupIdsOfUser(db, input.userId), listFactors(db, input.userId)]);
  const user = { id: input.userId };
  const signOn = evaluateSignOnPolicy({
    policies,
    user,
    groupIds,
    ipAddress: input.ipAddress,
    zones,
    session: { factorVerifiedAt: input.factorVerifiedAt, rememberedDevice: input.rememberedDevice },
    now: input.now,
  });
  const enroll = evaluateEnrollPolicy({ policies, user, groupIds, ipAddress: input.ipAddress, zones });
  const active = factors.filter((factor) => factor.status === "ACTIVE" && SUPPORTED_FACTORS.some((kind) => kind.factorType === factor.factorType && kind.provider === factor.provider));
  return chooseSignInStep({ signOn, enroll, factors: active, amr: input.amr, stepUp: input.stepUp === true });
}
