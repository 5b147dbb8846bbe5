import { readCacheVersion } from "../db/read-cache-version";
import { createVersionedCache, type VersionedCache } from "../cache/versioned-cache";
import { EVERYONE_GROUP } from "../assignments/is-everyone-group";
import type { CacheTopic } from "../db/cache-topics";
import type { Db } from "../db/create-db-client";
import type { FactorSettings, OrgPolicyType, PolicyType, OrgRuleActions, OrgRuleConditions } from "./org-policy-types";
import { EVALUATION_ORDER } from "./place-in-order";

const TOPIC: CacheTopic = "sign-on-policies";

export type ActiveRule = { id: string; name: string; conditions: OrgRuleConditions; actions: OrgRuleActions };
export type ActivePolicy = { id: string; name: string; groupsInclude: readonly string[]; settings: FactorSettings | null; rules: readonly ActiveRule[] };

/** What the sign-in evaluations read: the ACTIVE org-wide policies of each type with their ACTIVE rules, in evaluation order. */
export type OrgPolicySet = {
  policies: Readonly<Record<OrgPolicyType, readonly ActivePolicy[]>>;
  /** the built-in Everyone group, whose membership is implicit: naming it in a condition names every user */
  everyoneGroupId: string | null;
};

/** What an app's authentication policy evaluation reads. */
export type AccessPolicySet = {
  /** the ACTIVE ACCESS_POLICY policies with their ACTIVE rules, by id */
  accessPolicies: ReadonlyMap<string, ActivePolicy>;
  /** the system (default) ACCESS_POLICY, which every app assigned to no other one has */
  defaultAccessPolicyId: string | null;
  /** appId -> the ACCESS_POLICY it is assigned to (PUT /api/v1/apps/{appId}/policies/{policyId}) */
  appAccessPolicies: ReadonlyMap<string, string>;
  everyoneGroupId: string | null;
};

export type PolicySets = OrgPolicySet & AccessPolicySet;

// One cache per database client: each client stands for one instance's view of the database.
const caches = new WeakMap<Db, VersionedCache<PolicySets>>();

/**
 * The org's sign-on, enrollment and authentication policies and the apps' assignments, read on every
 * sign-in and authorization: an in-process copy that re-reads the "sign-on-policies" CacheVersion at
 * most once a second and reloads (one query for the policies, one for the assignments, plus the
 * immutable Everyone group's id) only when it moved; every write to OrgPolicy, OrgPolicyRule or
 * AppAccessPolicy moves it (lib/db/cache-topics.ts).
 */
export function getOrgPolicies(db: Db, now: Date): Promise<PolicySets> {
  let cache = caches.get(db);
  if (!cache) {
    cache = createVersionedCache<PolicySets>({ topic: TOPIC, readVersion: () => readCacheVersion(db, TOPIC), load: () => loadOrgPolicies(db) });
    caches.set(db, cache);
  }
  return cache.get(now);
}

async function loadOrgPolicies(db: Db): Promise<PolicySets> {
  const [rows, everyone, assignments] = await Promise.all([
    db.orgPolicy.findMany({
      where: { status: "ACTIVE" },
      orderBy: EVALUATION_ORDER,
      select: {
        id: true,
        type: true,
        name: true,
        system: true,
        groupsInclude: true,
        settings: true,
        rules: { where: { status: "ACTIVE" }, orderBy: EVALUATION_ORDER, select: { id: true, name: true, conditions: true, actions: true } },
      },
    }),
    db.group.findFirst({ where: EVERYONE_GROUP, select: { id: true } }),
    db.appAccessPolicy.findMany({ select: { appId: true, policyId: true } }),
  ]);
  const policies: Record<PolicyType, ActivePolicy[]> = { OKTA_SIGN_ON: [], MFA_ENROLL: [], ACCESS_POLICY: [] };
  let defaultAccessPolicyId: string | null = null;
  for (const row of rows) {
    if (row.type === "ACCESS_POLICY" && row.system) defaultAccessPolicyId = row.id;
    // Stored only through the Policy API's validated shapes (and the migrations' defaults).
    policies[row.type as PolicyType]?.push({
      id: row.id,
      name: row.name,
      groupsInclude: row.groupsInclude as string[],
      settings: row.settings as FactorSettings | null,
      rules: row.rules.map((rule) => ({ id: rule.id, name: rule.name, conditions: rule.conditions as OrgRuleConditions, actions: rule.actions as OrgRuleActions })),
    });
  }
  const { ACCESS_POLICY: access, ...orgWide } = policies;
  return {
    policies: orgWide,
    everyoneGroupId: everyone?.id ?? null,
    accessPolicies: new Map(access.map((policy) => [policy.id, policy])),
    defaultAccessPolicyId,
    appAccessPolicies: new Map(assignments.map((row) => [row.appId, row.policyId])),
  };
}
