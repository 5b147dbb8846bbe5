import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { listGroupIdsOfUser } from "../groups/list-group-ids-of-user";
import { getNetworkZones } from "../network-zones/get-network-zones";
import { evaluateEnrollPolicy } from "../sign-on-policies/evaluate-enroll-policy";
import { evaluateSignOnPolicy } from "../sign-on-policies/evaluate-sign-on-policy";
import { getOrgPolicies } from "../sign-on-policies/get-org-policies";
import { factorRemovalRefusal, type FactorRemovalRefusal } from "./factor-removal-refusal";

export type OwnFactorRemoval = { ok: true; factor: UserFactor } | { ok: false; reason: "gone" } | { ok: false; reason: FactorRemovalRefusal };

/**
 * A signed-in user removes one of their factors (My Account). The policies (cached) and the user's
 * groups are read first; then, in one transaction, the user's row is locked (a write of an unchanged
 * value: two removals of one user run one after the other, so two last factors never both go), their
 * factors read, the rule applied (factorRemovalRefusal), the factor deleted and `record` run. A
 * factor of another user, or one already gone: "gone", nothing changed.
 */
export async function removeOwnFactor(db: Db, input: { userId: string; factorId: string; ipAddress: string | null; now: Date }, record: RecordChange<UserFactor>): Promise<OwnFactorRemoval> {
  const { userId, now } = input;
  const [policies, zones, groupIds] = await Promise.all([getOrgPolicies(db, now), getNetworkZones(db, now), listGroupIdsOfUser(db, userId)]);
  const user = { id: userId };
  const signOn = evaluateSignOnPolicy({ policies, user, groupIds, ipAddress: input.ipAddress, zones, session: {}, now });
  const enroll = evaluateEnrollPolicy({ policies, user, groupIds, ipAddress: input.ipAddress, zones });
  return db.$transaction(async (tx): Promise<OwnFactorRemoval> => {
    const row = await tx.user.findUnique({ where: { id: userId }, select: { lastUpdated: true } });
    if (!row) return { ok: false, reason: "gone" };
    await tx.user.updateMany({ where: { id: userId }, data: { lastUpdated: row.lastUpdated } });
    const factors = await tx.userFactor.findMany({ where: { userId } });
    const factor = factors.find((candidate) => candidate.id === input.factorId);
    if (!factor) return { ok: false, reason: "gone" };
    const refusal = factorRemovalRefusal({ signOn, enroll, factors, factor });
    if (refusal) return { ok: false, reason: refusal };
    await tx.userFactor.delete({ where: { id: factor.id } });
    await record(tx, factor);
    return { ok: true, factor };
  });
}
