import { createPrivateKey, createPublicKey } from "node:crypto";
import { verify as verifyPassword } from "@node-rs/argon2";
import { SignJWT, importJWK, jwtVerify } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { bootstrapOrg, DEFAULT_ADMIN_EMAIL } from "@/lib/bootstrap/bootstrap-org";
import { decryptSecret } from "@/lib/crypto/decrypt-secret";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { signingKeyContext } from "@/lib/keys/generate-signing-key";
import { createFreshDatabase, testProviders } from "../support/test-databases";
import { OKTA_SCOPES } from "@/lib/admin-roles/permissions";

const APP_SECRET = "bootstrap-test-secret-0123456789abcdef";
const NOW = new Date("2026-03-01T12:00:00.000Z");
const now = () => NOW;
const noAdmin = { email: null, password: null, apiToken: null };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDb(provider: "sqlite" | "postgresql"): Promise<{ url: string; open: () => Db }> {
  const database = await createFreshDatabase(provider);
  cleanups.push(database.drop);
  await runMigrations({ databaseUrl: database.url });
  return {
    url: database.url,
    open: () => {
      const db = createDbClient(database.url);
      cleanups.unshift(() => db.$disconnect());
      return db;
    },
  };
}

async function countEverything(db: Db) {
  return {
    org: await db.orgSettings.count(),
    groups: await db.group.count(),
    servers: await db.authorizationServer.count(),
    keys: await db.signingKey.count(),
    scopes: await db.scope.count(),
    claims: await db.claim.count(),
    policies: await db.policy.count(),
    rules: await db.policyRule.count(),
    users: await db.user.count(),
    apiTokens: await db.apiToken.count(),
  };
}

/**
 * What a bootstrapped org holds: the default server with its keys, 6 scopes, 20 claims, policy and
 * rule, plus the org authorization server its migration brings (29 scopes, one policy and rule, no
 * claims; keys on first use).
 */
// scopes: the default server's six, the org server's seven OIDC scopes and every okta.* scope (OKTA_SCOPES)
const EXPECTED_COUNTS = { org: 1, groups: 1, servers: 2, keys: 2, scopes: 6 + 7 + OKTA_SCOPES.length, claims: 20, policies: 2, rules: 2, users: 1, apiTokens: 1 };

describe.each(testProviders())("bootstrapOrg on %s", (provider) => {
  it("creates the org, the default authorization server, Everyone, an admin and an API token", async () => {
    const db = (await freshDb(provider)).open();
    const result = await bootstrapOrg({ db, provider, appSecret: APP_SECRET, admin: noAdmin, now });
    expect(result.created).toBe(true);
    expect(await countEverything(db)).toEqual(EXPECTED_COUNTS);

    const org = await db.orgSettings.findUniqueOrThrow({ where: { id: "org" } });
    expect(org.bootstrapped).toEqual(NOW);
    expect(org.settings).toEqual({ lockoutThreshold: 10, sessionIdleMinutes: 120, sessionMaxMinutes: 1440, systemLogRetentionDays: 90, refreshTokenGraceSeconds: 30, passwordlessPasskeys: false, selfServiceProfileAttributes: ["firstName", "lastName", "displayName"], passwordChangeEndsSessions: true, defaultLocale: "en", recoveryTokenLifetimeMinutes: 60, endSessionsOnPasswordReset: true, selfServiceRegistration: false, registrationProfileAttributes: [], registrationDefaultGroupIds: [], registrationLinkLifetimeMinutes: 1440, registrationsPerMinute: 30 });

    const everyone = await db.group.findFirstOrThrow();
    expect(everyone).toMatchObject({ type: "BUILT_IN", name: "Everyone", nameLower: "everyone" });
    expect(everyone.id).toMatch(/^00g[0-9A-Za-z]{17}$/);

    const server = await db.authorizationServer.findUniqueOrThrow({ where: { id: "default" } });
    expect(server).toMatchObject({
      name: "default",
      audiences: ["api://default"],
      status: "ACTIVE",
      rotationMode: "AUTO",
      isDefault: true,
      lastRotated: NOW,
      nextRotation: new Date("2026-05-30T12:00:00.000Z"),
    });

    const scopes = await db.scope.findMany({ where: { authServerId: "default" }, orderBy: { name: "asc" } });
    expect(scopes.map((s) => s.name)).toEqual(["address", "email", "offline_access", "openid", "phone", "profile"]);
    expect(scopes.every((s) => s.system && s.metadataPublish === "ALL_CLIENTS" && s.authServerId === "default")).toBe(true);

    const sub = await db.claim.findFirstOrThrow({ where: { name: "sub" } });
    expect(sub).toMatchObject({ claimType: "RESOURCE", valueType: "SYSTEM", system: true, value: "(appuser != null) ? appuser.userName : app.clientId" });
    const email = await db.claim.findFirstOrThrow({ where: { name: "email" } });
    expect(email).toMatchObject({ claimType: "IDENTITY", conditionScopes: ["email"], value: "user.email" });

    const policy = await db.policy.findFirstOrThrow({ where: { authServerId: "default" }, include: { rules: true } });
    expect(policy).toMatchObject({ name: "Default Policy", type: "OAUTH_AUTHORIZATION_POLICY", status: "ACTIVE", priority: 1, clientsInclude: ["ALL_CLIENTS"] });
    expect(policy.rules).toHaveLength(1);
    expect(policy.rules[0]).toMatchObject({
      name: "Default Policy Rule",
      type: "RESOURCE_ACCESS",
      status: "ACTIVE",
      priority: 1,
      accessTokenLifetimeMinutes: 60,
      refreshTokenLifetimeMinutes: 0,
      refreshTokenWindowMinutes: 10080,
      conditions: {
        people: { users: { include: [], exclude: [] }, groups: { include: ["EVERYONE"], exclude: [] } },
        grantTypes: { include: ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"] },
        scopes: { include: ["*"] },
      },
    });
  });

  it("makes an ACTIVE and a NEXT RS256 key whose private halves are encrypted and sign verifiably", async () => {
    const db = (await freshDb(provider)).open();
    await bootstrapOrg({ db, provider, appSecret: APP_SECRET, admin: noAdmin, now });
    const keys = await db.signingKey.findMany({ orderBy: { status: "asc" } });
    expect(keys.map((k) => k.status)).toEqual(["ACTIVE", "NEXT"]);
    expect(keys[0]!.activated).toEqual(NOW);
    const secretsKey = deriveKey(APP_SECRET, "secrets-at-rest");
    for (const key of keys) {
      expect(key.alg).toBe("RS256");
      expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(key.privateKeyEncrypted.startsWith("v1.")).toBe(true);
      expect(key.privateKeyEncrypted).not.toContain("PRIVATE KEY");
      const jwk = key.publicJwk as { kty: string; n: string; e: string };
      expect(jwk.kty).toBe("RSA");
      expect(jwk.e).toBe("AQAB");
      expect(Buffer.from(jwk.n, "base64url").length * 8).toBe(2048);

      const pem = decryptSecret(key.privateKeyEncrypted, secretsKey, signingKeyContext(key.kid));
      const privateKey = createPrivateKey(pem);
      expect(createPublicKey(privateKey).export({ format: "jwk" })).toMatchObject({ n: jwk.n, e: jwk.e });
      const token = await new SignJWT({ probe: true }).setProtectedHeader({ alg: "RS256", kid: key.kid }).sign(privateKey);
      const { payload } = await jwtVerify(token, await importJWK({ ...jwk, alg: "RS256" }, "RS256"));
      expect(payload.probe).toBe(true);
    }
    expect(keys[0]!.kid).not.toBe(keys[1]!.kid);
  });

  it("generates the admin password and API token once and stores only their hashes", async () => {
    const db = (await freshDb(provider)).open();
    const result = await bootstrapOrg({ db, provider, appSecret: APP_SECRET, admin: noAdmin, now });
    if (!result.created) throw new Error("expected a first run");
    expect(result.adminEmail).toBe(DEFAULT_ADMIN_EMAIL);
    expect(result.generatedPassword).toMatch(/^[0-9A-Za-z]{8}-[0-9A-Za-z]{8}-[0-9A-Za-z]{8}aZ7$/);
    expect(result.generatedApiToken).toMatch(/^00[A-Za-z0-9_-]{40}$/);

    const admin = await db.user.findUniqueOrThrow({ where: { loginLower: DEFAULT_ADMIN_EMAIL } });
    expect(admin).toMatchObject({ status: "ACTIVE", login: DEFAULT_ADMIN_EMAIL, email: DEFAULT_ADMIN_EMAIL });
    expect(admin.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(admin.passwordHash!, result.generatedPassword!)).toBe(true);
    expect(await verifyPassword(admin.passwordHash!, "wrong password")).toBe(false);

    const token = await db.apiToken.findFirstOrThrow();
    expect(token).toMatchObject({ userId: admin.id, status: "ACTIVE", tokenHash: hashToken(result.generatedApiToken!) });
    expect(JSON.stringify(await db.user.findMany())).not.toContain(result.generatedPassword!);
  });

  it("uses ADMIN_EMAIL, ADMIN_PASSWORD and ADMIN_API_TOKEN when given, and reports nothing generated", async () => {
    const db = (await freshDb(provider)).open();
    const apiToken = "00configuredTokenValue_0123456789abcdef";
    const result = await bootstrapOrg({
      db,
      provider,
      appSecret: APP_SECRET,
      admin: { email: "Root@Example.org", password: "a configured password", apiToken },
      now,
    });
    expect(result).toEqual({ created: true, adminEmail: "Root@Example.org", generatedPassword: null, generatedApiToken: null });
    const admin = await db.user.findUniqueOrThrow({ where: { loginLower: "root@example.org" } });
    expect(await verifyPassword(admin.passwordHash!, "a configured password")).toBe(true);
    expect((await db.apiToken.findFirstOrThrow()).tokenHash).toBe(hashToken(apiToken));
  });

  it("is idempotent: a second run creates nothing and reports nothing", async () => {
    const db = (await freshDb(provider)).open();
    await bootstrapOrg({ db, provider, appSecret: APP_SECRET, admin: noAdmin, now });
    const before = await countEverything(db);
    const keysBefore = await db.signingKey.findMany({ select: { kid: true }, orderBy: { kid: "asc" } });
    expect(await bootstrapOrg({ db, provider, appSecret: APP_SECRET, admin: noAdmin, now })).toEqual({ created: false });
    expect(await countEverything(db)).toEqual(before);
    expect(await db.signingKey.findMany({ select: { kid: true }, orderBy: { kid: "asc" } })).toEqual(keysBefore);
  });

  it("two instances bootstrapping at once create one of everything", async () => {
    const database = await freshDb(provider);
    const first = database.open();
    const second = database.open();
    const results = await Promise.all([
      bootstrapOrg({ db: first, provider, appSecret: APP_SECRET, admin: noAdmin, now }),
      bootstrapOrg({ db: second, provider, appSecret: APP_SECRET, admin: noAdmin, now }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countEverything(first)).toEqual(EXPECTED_COUNTS);
  });
});
