import type { Db } from "../db/create-db-client";
import { listGroupIdsOfUser } from "../groups/list-group-ids-of-user";
import { evaluateSignOnPolicy } from "../sign-on-policies/evaluate-sign-on-policy";
import { getOrgPolicies } from "../sign-on-policies/get-org-policies";

/**
 * The session limits of the sign-on rule that applies to a user (idle and lifetime minutes, 0 = none
 * of the rule's own), for createSession: the policies (cached) and the user's groups.
 */
export async function signOnSessionLimits(db: Db, input: { userId: string; ipAddress: string | null; now: Date }): Promise<{ maxIdleMinutes: number; maxLifetimeMinutes: number }> {
  const [policies, groupIds] = await Promise.all([getOrgPolicies(db, input.now), listGroupIdsOfUser(db, input.userId)]);
  const { session } = evaluateSignOnPolicy({ policies, user: { id: input.userId }, groupIds, ipAddress: input.ipAddress, session: {}, now: input.now });
  return { maxIdleMinutes: session.maxSessionIdleMinutes, maxLifetimeMinutes: session.maxSessionLifetimeMinutes };
}
