/**
 * Every cached topic and the tables (Prisma models) that feed it, declared once. The database does
 * the invalidation: triggers of the migration "cache_version_triggers" move the topic's version in
 * the writing statement's transaction whenever a row of one of these tables is inserted, updated or
 * deleted (by Prisma, raw SQL or a cascade), so no write can forget it and other instances see the
 * change on their next version check. This instance sees it at once: the database client marks the
 * topic changed here after each such write (lib/db/mark-cache-writes.ts). The table test
 * tests/db/cache-topic-triggers.test.ts writes every model below every way and fails when the
 * version does not move, so this list and the triggers cannot drift apart.
 */
export const CACHE_TOPICS = {
  /** ACTIVE apps, their ACTIVE secrets and okta.* scope grants (lib/apps/load-client-for-auth.ts): the CacheVersion row "clients". */
  clients: { models: ["App", "ClientSecret", "AppScopeGrant"], version: "CacheVersion" },
  /** ACTIVE trusted origins (lib/trusted-origins/trusted-origin-cache.ts): the CacheVersion row "trusted-origins". */
  "trusted-origins": { models: ["TrustedOrigin"], version: "CacheVersion" },
  /** The network zones (lib/network-zones/get-network-zones.ts: ACTIVE zones for rule conditions and blocklists): the CacheVersion row "network-zones". */
  "network-zones": { models: ["NetworkZone"], version: "CacheVersion" },
  /** The org's sign-on, factor enrollment and authentication policies with their rules, and the apps' authentication policies (lib/sign-on-policies/get-org-policies.ts): the CacheVersion row "sign-on-policies". */
  "sign-on-policies": { models: ["OrgPolicy", "OrgPolicyRule", "AppAccessPolicy"], version: "CacheVersion" },
  /** The org's brand in force: its brand, theme and image names (lib/branding/read-branding.ts): the CacheVersion row "branding". */
  branding: { models: ["Brand", "BrandTheme", "BrandImage"], version: "CacheVersion" },
  /**
   * One authorization server's configuration (lib/oauth/snapshot/get-server-snapshot.ts) and what
   * follows its version (signing and verification keys, discovery and JWKS documents): that
   * server's AuthorizationServer.configVersion. A change to the server row other than its
   * lastUpdated, or to a row under it, bumps it.
   */
  "authorization-servers": { models: ["AuthorizationServer", "Policy", "PolicyRule", "Scope", "Claim", "SigningKey"], version: "AuthorizationServer.configVersion" },
} as const;

export type CacheTopic = keyof typeof CACHE_TOPICS;

/** The Prisma model names that feed a topic. */
export type CacheFeedingModel = (typeof CACHE_TOPICS)[CacheTopic]["models"][number];

const topicsByModel = new Map<string, CacheTopic[]>();
for (const [topic, { models }] of Object.entries(CACHE_TOPICS) as [CacheTopic, (typeof CACHE_TOPICS)[CacheTopic]][]) {
  for (const model of models) topicsByModel.set(model, [...(topicsByModel.get(model) ?? []), topic]);
}

/** The topics a write to `model` changes (none for a model no cache reads). */
export function topicsFedBy(model: string): readonly CacheTopic[] {
  return topicsByModel.get(model) ?? [];
}
