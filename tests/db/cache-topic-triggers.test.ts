import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTrustedOrigins } from "@/lib/trusted-origins/trusted-origin-cache";
import { getOrgPolicies } from "@/lib/sign-on-policies/get-org-policies";
import { getNetworkZones } from "@/lib/network-zones/get-network-zones";
import { readBranding } from "@/lib/branding/read-branding";
import { loadClientForAuth } from "@/lib/apps/load-client-for-auth";
import { readCacheVersion } from "@/lib/db/read-cache-version";
import { CACHE_TOPICS, type CacheTopic } from "@/lib/db/cache-topics";
import { bootstrapOrg } from "@/lib/bootstrap/bootstrap-org";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { topicGeneration } from "@/lib/db/topic-generations";
import { listPublishedKeys } from "@/lib/keys/list-published-keys";
import { loadSigningKey } from "@/lib/keys/load-signing-key";
import { loadServerSnapshot } from "@/lib/oauth/snapshot/load-server-snapshot";
import { countingDb } from "../support/counting-db";
import { introspectDatabase } from "../support/compare-schema";
import { createFreshDatabase, testProviders, type TestDatabase } from "../support/test-databases";

type Kind = "insert" | "update" | "delete";
const KINDS: Kind[] = ["insert", "update", "delete"];

/** The server whose configuration the writes below change (created in beforeAll). */
const SERVER = "ausTriggerTest000001";

/**
 * One write of each kind to each table that feeds a cache, made straight through Prisma (no admin
 * code, no explicit invalidation): what a future write path would do if it forgot everything.
 */
const WRITES: Record<string, Record<Kind, (db: Db) => Promise<unknown>>> = {
  AuthorizationServer: {
    insert: (db) => db.authorizationServer.create({ data: { id: "ausTriggerTest000002", name: "Second", audiences: ["api://second"], status: "ACTIVE" } }),
    update: (db) => db.authorizationServer.update({ where: { id: SERVER }, data: { description: "changed" } }),
    delete: (db) => db.authorizationServer.delete({ where: { id: "ausTriggerTest000002" } }),
  },
  Policy: {
    insert: (db) => db.policy.create({ data: { id: "00pTriggerTest000001", authServerId: SERVER, type: "OAUTH_AUTHORIZATION_POLICY", name: "P", status: "ACTIVE", priority: 1, clientsInclude: ["ALL_CLIENTS"] } }),
    update: (db) => db.policy.updateMany({ where: { id: "00pTriggerTest000001" }, data: { status: "INACTIVE" } }),
    delete: (db) => db.policy.deleteMany({ where: { id: "00pTriggerTest000002" } }),
  },
  PolicyRule: {
    insert: (db) =>
      db.policyRule.create({
        data: {
          id: "0prTriggerTest000001",
          policyId: "00pTriggerTest000001",
          type: "RESOURCE_ACCESS",
          name: "R",
          status: "ACTIVE",
          priority: 1,
          conditions: {},
          accessTokenLifetimeMinutes: 60,
          refreshTokenLifetimeMinutes: 0,
          refreshTokenWindowMinutes: 10_080,
        },
      }),
    update: (db) => db.policyRule.update({ where: { id: "0prTriggerTest000001" }, data: { accessTokenLifetimeMinutes: 5 } }),
    delete: (db) => db.policyRule.delete({ where: { id: "0prTriggerTest000001" } }),
  },
  Scope: {
    insert: (db) => db.scope.create({ data: { id: "scpTriggerTest000001", authServerId: SERVER, name: "t:read", nameLower: "t:read" } }),
    update: (db) => db.scope.update({ where: { id: "scpTriggerTest000001" }, data: { consent: "REQUIRED" } }),
    delete: (db) => db.scope.delete({ where: { id: "scpTriggerTest000001" } }),
  },
  Claim: {
    insert: (db) =>
      db.claim.create({
        data: { id: "oclTriggerTest000001", authServerId: SERVER, name: "c", status: "ACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: '"x"', conditionScopes: [] },
      }),
    update: (db) => db.claim.update({ where: { id: "oclTriggerTest000001" }, data: { value: '"y"' } }),
    delete: (db) => db.claim.delete({ where: { id: "oclTriggerTest000001" } }),
  },
  SigningKey: {
    insert: (db) => db.signingKey.create({ data: { kid: "kidTriggerTest000001", authServerId: SERVER, status: "EXPIRED", alg: "RS256", publicJwk: {}, privateKeyEncrypted: "x" } }),
    update: (db) => db.signingKey.update({ where: { kid: "kidTriggerTest000001" }, data: { publishUntil: new Date(0) } }),
    delete: (db) => db.signingKey.delete({ where: { kid: "kidTriggerTest000001" } }),
  },
  App: {
    insert: (db) =>
      db.app.create({
        data: {
          id: "0oaTriggerTest000001",
          name: "oidc_client",
          label: "Trigger",
          status: "ACTIVE",
          signOnMode: "OPENID_CONNECT",
          clientId: "0oaTriggerTest000001",
          applicationType: "service",
          tokenEndpointAuthMethod: "client_secret_basic",
          oauthSettings: {},
          extra: {},
        },
      }),
    update: (db) => db.app.update({ where: { id: "0oaTriggerTest000001" }, data: { label: "Renamed" } }),
    delete: (db) => db.app.deleteMany({ where: { id: "0oaTriggerTest000002" } }),
  },
  ClientSecret: {
    insert: (db) => db.clientSecret.create({ data: { id: "ocsTriggerTest000001", appId: "0oaTriggerTest000001", status: "ACTIVE", secretHash: "trigger-hash", secretEncrypted: "x" } }),
    update: (db) => db.clientSecret.update({ where: { id: "ocsTriggerTest000001" }, data: { status: "INACTIVE" } }),
    delete: (db) => db.clientSecret.delete({ where: { id: "ocsTriggerTest000001" } }),
  },
  AppScopeGrant: {
    insert: (db) => db.appScopeGrant.create({ data: { id: "oagTriggerTest000001", appId: "0oaTriggerTest000001", scopeId: "okta.users.read", issuer: "https://idp.test" } }),
    update: (db) => db.appScopeGrant.update({ where: { id: "oagTriggerTest000001" }, data: { createdBy: "someone" } }),
    delete: (db) => db.appScopeGrant.delete({ where: { id: "oagTriggerTest000001" } }),
  },
  OrgPolicy: {
    insert: (db) => db.orgPolicy.create({ data: { id: "00pTriggerTest000003", type: "OKTA_SIGN_ON", name: "S", status: "ACTIVE", priority: 1, groupsInclude: [] } }),
    update: (db) => db.orgPolicy.update({ where: { id: "00pTriggerTest000003" }, data: { status: "INACTIVE" } }),
    delete: (db) => db.orgPolicy.deleteMany({ where: { id: "00pTriggerTest000004" } }),
  },
  OrgPolicyRule: {
    insert: (db) => db.orgPolicyRule.create({ data: { id: "0prTriggerTest000003", policyId: "00pTriggerTest000003", type: "SIGN_ON", name: "R", status: "ACTIVE", priority: 1, conditions: {}, actions: {} } }),
    update: (db) => db.orgPolicyRule.update({ where: { id: "0prTriggerTest000003" }, data: { name: "Renamed" } }),
    delete: (db) => db.orgPolicyRule.delete({ where: { id: "0prTriggerTest000003" } }),
  },
  AppAccessPolicy: {
    insert: (db) => db.appAccessPolicy.create({ data: { appId: "0oaTriggerTest000001", policyId: "00pTriggerTest000003" } }),
    update: (db) => db.appAccessPolicy.update({ where: { appId: "0oaTriggerTest000001" }, data: { policyId: "00pKUfLkoJatyZDaJMYT" } }),
    delete: (db) => db.appAccessPolicy.delete({ where: { appId: "0oaTriggerTest000001" } }),
  },
  NetworkZone: {
    insert: (db) => db.networkZone.create({ data: { id: "nzoTriggerTest000001", name: "Trigger zone", type: "IP", status: "ACTIVE", usage: "POLICY", gateways: [{ type: "CIDR", value: "10.0.0.0/8" }], proxies: [] } }),
    update: (db) => db.networkZone.update({ where: { id: "nzoTriggerTest000001" }, data: { status: "INACTIVE" } }),
    delete: (db) => db.networkZone.delete({ where: { id: "nzoTriggerTest000001" } }),
  },
  Brand: {
    insert: (db) => db.brand.create({ data: { id: "bndTriggerTest000001", name: "Trigger", isDefault: false } }),
    update: (db) => db.brand.update({ where: { id: "bndTriggerTest000001" }, data: { name: "Renamed" } }),
    delete: (db) => db.brand.deleteMany({ where: { id: "bndTriggerTest000002" } }),
  },
  BrandTheme: {
    insert: (db) => db.brandTheme.create({ data: { id: "thdTriggerTest000001", brandId: "bndTriggerTest000001", primaryColorHex: "#000000", secondaryColorHex: "#ffffff" } }),
    update: (db) => db.brandTheme.update({ where: { id: "thdTriggerTest000001" }, data: { primaryColorHex: "#111111" } }),
    delete: (db) => db.brandTheme.deleteMany({ where: { id: "thdTriggerTest000002" } }),
  },
  BrandImage: {
    insert: (db) => db.brandImage.create({ data: { themeId: "thdTriggerTest000001", kind: "logo", sha256: "a".repeat(64), contentType: "image/png", data: new Uint8Array([1]), created: new Date(0) } }),
    update: (db) => db.brandImage.update({ where: { themeId_kind: { themeId: "thdTriggerTest000001", kind: "logo" } }, data: { sha256: "b".repeat(64) } }),
    delete: (db) => db.brandImage.delete({ where: { themeId_kind: { themeId: "thdTriggerTest000001", kind: "logo" } } }),
  },
  TrustedOrigin: {
    insert: (db) => db.trustedOrigin.create({ data: { id: "tosTriggerTest000001", name: "T", origin: "https://trigger.example", status: "ACTIVE" } }),
    update: (db) => db.trustedOrigin.update({ where: { id: "tosTriggerTest000001" }, data: { cors: false } }),
    delete: (db) => db.trustedOrigin.delete({ where: { id: "tosTriggerTest000001" } }),
  },
};

/** The rows the deletes above remove (created first, so each delete has something to remove). */
async function seedDeletable(db: Db): Promise<void> {
  await db.brand.create({ data: { id: "bndTriggerTest000002", name: "Doomed", isDefault: false } });
  await db.brandTheme.create({ data: { id: "thdTriggerTest000002", brandId: "bndOrgDefaultBrand01", primaryColorHex: "#000000", secondaryColorHex: "#ffffff" } });
  await db.policy.create({ data: { id: "00pTriggerTest000002", authServerId: SERVER, type: "OAUTH_AUTHORIZATION_POLICY", name: "Q", status: "ACTIVE", priority: 2, clientsInclude: ["ALL_CLIENTS"] } });
  await db.orgPolicy.create({ data: { id: "00pTriggerTest000004", type: "MFA_ENROLL", name: "Q", status: "ACTIVE", priority: 2, groupsInclude: [] } });
  await db.app.create({
    data: {
      id: "0oaTriggerTest000002",
      name: "oidc_client",
      label: "Doomed",
      status: "ACTIVE",
      signOnMode: "OPENID_CONNECT",
      clientId: "0oaTriggerTest000002",
      applicationType: "service",
      tokenEndpointAuthMethod: "client_secret_basic",
      oauthSettings: {},
      extra: {},
    },
  });
}

/** What each topic's cache compares on its version check (lib/db/cache-topics.ts). */
async function versionOf(db: Db, topic: CacheTopic, model: string): Promise<string> {
  if (topic !== "authorization-servers") return String(await readCacheVersion(db, topic));
  // The server written: the second server for its own insert and delete, else SERVER.
  const id = model === "AuthorizationServer" ? ["ausTriggerTest000002", SERVER] : [SERVER];
  const rows = await db.authorizationServer.findMany({ where: { id: { in: id } }, select: { id: true, configVersion: true, status: true }, orderBy: { id: "asc" } });
  return JSON.stringify(rows);
}

const feeding = Object.entries(CACHE_TOPICS).flatMap(([topic, { models }]) => models.map((model) => [model, topic as CacheTopic] as const));

describe.each(testProviders())("%s: a write to a table feeding a cache cannot forget to invalidate it", (provider) => {
  const now = new Date("2026-01-15T10:00:00.000Z");
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createFreshDatabase(provider);
    await runMigrations({ databaseUrl: database.url });
    db = createDbClient(database.url);
    const admin = { email: "admin@idp.test", password: "trigger-test-password", apiToken: "00triggerTestToken_0123456789abcdefghij" };
    await bootstrapOrg({ db, provider, appSecret: "trigger-test-app-secret-0123456789abcdef", admin, now: () => now });
    await db.authorizationServer.create({ data: { id: SERVER, name: "Triggers", audiences: ["api://triggers"], status: "ACTIVE" } });
    await seedDeletable(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("has a write of every kind for every table of every topic, and no other", () => {
    expect(Object.keys(WRITES).sort()).toEqual([...new Set(feeding.map(([model]) => model))].sort());
  });

  // In order: each table's insert creates the row its update and delete change.
  const cases = feeding.flatMap(([model, topic]) => KINDS.map((kind) => [model, kind, topic] as const));
  it.each(cases)("%s %s moves the version of %s, in the database and in this process", async (model, kind, topic) => {
    const before = await versionOf(db, topic, model);
    const generation = topicGeneration(topic);
    await WRITES[model]![kind](db);
    expect(await versionOf(db, topic, model)).not.toBe(before);
    expect(topicGeneration(topic)).toBeGreaterThan(generation);
  });

  it("moves the version inside the writing transaction: a rolled-back write leaves it", async () => {
    const before = await versionOf(db, "trusted-origins", "TrustedOrigin");
    await expect(
      db.$transaction(async (tx) => {
        await tx.trustedOrigin.create({ data: { id: "tosTriggerTest000009", name: "R", origin: "https://rollback.example", status: "ACTIVE" } });
        expect(await versionOf(tx as unknown as Db, "trusted-origins", "TrustedOrigin")).not.toBe(before);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await versionOf(db, "trusted-origins", "TrustedOrigin")).toBe(before);
  });

  it("marks this process again once an interactive transaction has committed (a read racing the commit cannot keep a stale copy)", async () => {
    let during = 0;
    await db.$transaction(async (tx) => {
      await tx.trustedOrigin.create({ data: { id: "tosTriggerTest000007", name: "C", origin: "https://commit.example", status: "ACTIVE" } });
      during = topicGeneration("trusted-origins");
    });
    expect(topicGeneration("trusted-origins")).toBeGreaterThan(during);
    const untouched = topicGeneration("clients");
    await db.$transaction(async (tx) => tx.trustedOrigin.delete({ where: { id: "tosTriggerTest000007" } }));
    expect(topicGeneration("clients")).toBe(untouched);
  });

  it("moves the version for raw SQL writes and writes through another client (another instance)", async () => {
    const other = createDbClient(database.url);
    try {
      const raw = async (topic: CacheTopic, model: string, sql: string) => {
        const before = await versionOf(db, topic, model);
        expect(await other.$executeRawUnsafe(sql)).toBe(1);
        return [model, (await versionOf(db, topic, model)) !== before];
      };
      expect([
        await raw("trusted-origins", "TrustedOrigin", `INSERT INTO "TrustedOrigin" ("id", "name", "origin", "status", "cors", "redirect", "iframeEmbed", "created", "lastUpdated") VALUES ('tosTriggerTest000008', 'raw', 'https://raw.example', 'ACTIVE', true, false, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`),
        await raw("authorization-servers", "Policy", `UPDATE "Policy" SET "name" = 'raw' WHERE "id" = '00pTriggerTest000001'`),
        await raw("authorization-servers", "Scope", `INSERT INTO "Scope" ("id", "authServerId", "name", "nameLower", "consent", "isDefault", "optional", "metadataPublish", "system", "created", "lastUpdated") VALUES ('scpTriggerTest000009', '${SERVER}', 'raw', 'raw', 'IMPLICIT', false, false, 'NO_CLIENTS', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`),
        await raw("clients", "App", `UPDATE "App" SET "signOnMode" = "signOnMode" WHERE "id" = '0oaTriggerTest000001'`),
        await raw("network-zones", "NetworkZone", `UPDATE "NetworkZone" SET "name" = "name" WHERE "name" = 'LegacyIpZone'`),
      ]).toEqual([
        ["TrustedOrigin", true],
        ["Policy", true],
        ["Scope", true],
        ["App", true],
        ["NetworkZone", true],
      ]);
    } finally {
      await other.$disconnect();
    }
  });

  it("moves a server's version for a change to any of its columns but lastUpdated, not for lastUpdated alone", async () => {
    const table = (await introspectDatabase(database.url)).tables.find((t) => t.name === "AuthorizationServer")!;
    const changes: Record<string, unknown> = {
      name: "Renamed",
      description: "again",
      audiences: ["api://other"],
      issuerMode: "CUSTOM_URL",
      status: "INACTIVE",
      rotationMode: "MANUAL",
      lastRotated: new Date(1000),
      nextRotation: new Date(2000),
      isDefault: true,
      created: new Date(3000),
    };
    // every column is either changed below or is the key, the version itself or lastUpdated
    expect(table.columns.map((c) => c.name).sort()).toEqual([...Object.keys(changes), "id", "configVersion", "lastUpdated"].sort());
    for (const [column, value] of Object.entries(changes)) {
      const before = (await db.authorizationServer.findUniqueOrThrow({ where: { id: SERVER } })).configVersion;
      await db.authorizationServer.update({ where: { id: SERVER }, data: { [column]: value } });
      expect([column, (await db.authorizationServer.findUniqueOrThrow({ where: { id: SERVER } })).configVersion]).toEqual([column, before + 1]);
    }
    const before = (await db.authorizationServer.findUniqueOrThrow({ where: { id: SERVER } })).configVersion;
    await db.authorizationServer.update({ where: { id: SERVER }, data: { lastUpdated: new Date(4000) } });
    await db.authorizationServer.update({ where: { id: SERVER }, data: { configVersion: { increment: 1 } } });
    expect((await db.authorizationServer.findUniqueOrThrow({ where: { id: SERVER } })).configVersion).toBe(before + 1);
  });

  it("the caches read only the tables declared for their topic (and the immutable built-in Everyone group)", async () => {
    const reads = async (topic: CacheTopic, load: (counted: Db) => Promise<unknown>) => {
      const { db: counted, queries } = countingDb(db);
      await load(counted);
      const models = new Set(queries.map((query) => query.split(".")[0]!));
      models.delete("CacheVersion");
      return [topic, [...models].filter((model) => !(CACHE_TOPICS[topic].models as readonly string[]).includes(model)).sort()];
    };
    const secretsKey = Buffer.alloc(32);
    expect([
      await reads("authorization-servers", (counted) => loadServerSnapshot(counted, "default", now)),
      await reads("authorization-servers", (counted) => listPublishedKeys(counted, "default", secretsKey, now).catch(() => null)),
      await reads("authorization-servers", (counted) => loadSigningKey(counted, "default", secretsKey, now).catch(() => null)),
      await reads("clients", (counted) => loadClientForAuth(counted, "0oaTriggerTest000001", now, { fresh: true })),
      await reads("trusted-origins", (counted) => getTrustedOrigins(counted, now)),
      await reads("sign-on-policies", (counted) => getOrgPolicies(counted, now)),
      await reads("network-zones", (counted) => getNetworkZones(counted, now)),
      await reads("branding", (counted) => readBranding(counted, now)),
    ]).toEqual([
      ["authorization-servers", ["Group"]],
      ["authorization-servers", []],
      ["authorization-servers", []],
      ["clients", []],
      ["trusted-origins", []],
      ["sign-on-policies", ["Group"]],
      ["network-zones", []],
      ["branding", []],
    ]);
  });
});
