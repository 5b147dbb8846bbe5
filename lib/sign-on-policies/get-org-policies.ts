import { readCacheVersion } from "../db/read-cache-version";
import { createVersionedCache, type VersionedCache } from "../cache/versioned-cache";
import { EVERYONE_GROUP } from "../assignments/is-everyone-group";
import type { CacheTopic } from "../db/cache-topics";
import type { Db } from "../db/create-db-client";
import type { FactorSettings, OrgPolicyType, OrgRuleActions, OrgRuleConditions } from "./org-policy-types";
import { EVALUATION_ORDER } from "./place-in-order";

const TOPIC: CacheTopic = "sign-on-policies";

export type ActiveRule = { id: string; name: string; conditions: OrgRuleConditions; actions: OrgRuleActions };
export type ActivePolicy = { id: string; name: string; groupsInclude: readonly string[]; settings: FactorSettings | null; rules: readonly ActiveRule[] };

/** What the evaluations read: the ACTIVE policies of each type with their ACTIVE rules, in evaluation order. */
export type OrgPolicySet = {
  policies: Readonly<Record<OrgPolicyType, readonly ActivePolicy[]>>;
  /** the built-in Everyone group, whose membership is implicit: naming it in a condition names every user */
  everyoneGroupId: string | null;
};

// One cache per database client: each client stands for one instance's view of the database.
const caches = new WeakMap<Db, VersionedCache<OrgPolicySet>>();

/**
 * The org's sign-on and enrollment policies, read on every sign-in: an in-process copy that re-reads
 * the "sign-on-policies" CacheVersion at most once a second and reloads (one query, plus the
 * immutable Everyone group's id) only when it moved; every write to OrgPolicy or OrgPolicyRule moves
 * it (lib/db/cache-topics.ts).
 */
export function getOrgPolicies(db: Db, now: Date): Promise<OrgPolicySet> {
  let cache = caches.get(db);
  if (!cache) {
    cache = createVersionedCache<OrgPolicySet>({ topic: TOPIC, readVersion: () => readCacheVersion(db, TOPIC), load: () => loadOrgPolicies(db) });
    caches.set(db, cache);
  }
  return cache.get(now);
}

async function loadOrgPolicies(db: Db): Promise<OrgPolicySet> {
  const [rows, everyone] = await Promise.all([
    db.orgPolicy.findMany({
      where: { status: "ACTIVE" },
      orderBy: EVALUATION_ORDER,
      select: {
        id: true,
        type: true,
        name: true,
        groupsInclude: true,
        settings: true,
        rules: { where: { status: "ACTIVE" }, orderBy: EVALUATION_ORDER, select: { id: true, name: true, conditions: true, actions: true } },
      },
    }),
    db.group.findFirst({ where: EVERYONE_GROUP, select: { id: true } }),
  ]);
  const policies: Record<OrgPolicyType, ActivePolicy[]> = { OKTA_SIGN_ON: [], MFA_ENROLL: [] };
  for (const row of rows) {
    // Stored only through the Policy API's validated shapes (and the migration's defaults).
    policies[row.type as OrgPolicyType]?.push({
      id: row.id,
      name: row.name,
      groupsInclude: row.groupsInclude as string[],
      settings: row.settings as FactorSettings | null,
      rules: row.rules.map((rule) => ({ id: rule.id, name: rule.name, conditions: rule.conditions as OrgRuleConditions, actions: rule.actions as OrgRuleActions })),
    });
  }
  return { policies, everyoneGroupId: everyone?.id ?? null };
}
