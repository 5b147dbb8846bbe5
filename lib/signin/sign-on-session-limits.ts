import type { Db } from "../db/create-db-client";
import { listGroupIdsOfUser } from "../groups/list-group-ids-of-user";
import { getNetworkZones } from "../network-zones/get-network-zones";
import { evaluateSignOnPolicy } from "../sign-on-policies/evaluate-sign-on-policy";
import { getOrgPolicies } from "../sign-on-policies/get-org-policies";

/**
 * The session limits of the sign-on rule that applies to a user (idle and lifetime minutes, 0 = none
 * of the rule's own), for createSession: the policies and zones (cached), the user's groups and the client address.
 */
export async function signOnSessionLimits(db: Db, input: { userId: string; ipAddress: string | null; now: Date }): Promise<{ maxIdleMinutes: number; maxLifetimeMinutes: number }> {
  const [policies, zones, groupIds] = await Promise.all([getOrgPolicies(db, input.now), getNetworkZones(db, input.now), listGroupIdsOfUser(db, input.userId)]);
  const { session } = evaluateSignOnPolicy({ policies, user: { id: input.userId }, groupIds, ipAddress: input.ipAddress, zones, session: {}, now: input.now });
  return { maxIdleMinutes: session.maxSessionIdleMinutes, maxLifetimeMinutes: session.maxSessionLifetimeMinutes };
}
