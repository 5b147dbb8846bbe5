import type { Db } from "../db/create-db-client";
import { getNetworkZones } from "../network-zones/get-network-zones";
import { evaluateAppSignOn, type AppSignOnDecision } from "./evaluate-app-sign-on";
import { getOrgPolicies } from "./get-org-policies";

/**
 * evaluateAppSignOn on the cached policies and network zones (getOrgPolicies, getNetworkZones): no
 * query while both caches are warm (at most one version read each a second). For the callers that
 * have nothing else to read from those sets: the password and refresh_token grants and the
 * dashboard's token preview.
 */
export async function decideAppSignOn(
  db: Db,
  now: Date,
  input: { appId: string; userId: string; groupIds: readonly string[]; ipAddress: string | null },
): Promise<AppSignOnDecision> {
  const [policies, zones] = await Promise.all([getOrgPolicies(db, now), getNetworkZones(db, now)]);
  return evaluateAppSignOn(policies, { ...input, zones });
}
