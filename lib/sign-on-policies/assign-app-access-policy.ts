import { findApp } from "../apps/find-app";
import type { Db } from "../db/create-db-client";
import type { App, OrgPolicy } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { validationError } from "../okta-api/admin-api-error";
import { findOrgPolicy } from "./find-org-policy";
import { lockPolicyOrder } from "./lock-policy-order";

export type AppAndPolicy = { app: App; policy: OrgPolicy };

/**
 * Assigns an app to an authentication policy (ACCESS_POLICY), replacing the one it had (Okta:
 * "Assign an authentication policy"): E0000007 for an unknown app or policy, E0000001 for a policy
 * of another type or an INACTIVE one (an app's sign-in always has an ACTIVE policy: deactivating a
 * policy with apps is refused as well). One transaction: the policy row's lock (the one a
 * deactivation or deletion takes before counting the apps), the checks, the write and `record`
 * (the audit event).
 */
export function assignAppAccessPolicy(db: Db, input: { appId: string; policyId: string; now: Date }, record: RecordChange<AppAndPolicy>): Promise<AppAndPolicy> {
  const { now } = input;
  return db.$transaction(async (tx) => {
    const app = await findApp(tx, input.appId);
    await lockPolicyOrder(tx, { policyId: input.policyId });
    const policy = await findOrgPolicy(tx, input.policyId);
    if (policy.type !== "ACCESS_POLICY") {
      throw validationError("policyId", [`policyId: An app can only be assigned to an ACCESS_POLICY (authentication) policy; ${policy.id} is ${policy.type}.`]);
    }
    if (policy.status !== "ACTIVE") throw validationError("policyId", [`policyId: The policy ${policy.id} is INACTIVE; activate it before assigning apps to it.`]);
    // Not an upsert: SQLite's ON CONFLICT clause would override the cache trigger's INSERT OR IGNORE.
    const current = await tx.appAccessPolicy.findUnique({ where: { appId: app.id }, select: { policyId: true } });
    if (!current) await tx.appAccessPolicy.create({ data: { appId: app.id, policyId: policy.id, created: now, lastUpdated: now } });
    else if (current.policyId !== policy.id) await tx.appAccessPolicy.update({ where: { appId: app.id }, data: { policyId: policy.id, lastUpdated: now } });
    await record(tx, { app, policy });
    return { app, policy };
  });
}
