import { createLocalJWKSet, importPKCS8, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthorizationServerRecords } from "@/lib/authorization-servers/create-authorization-server-records";
import { decryptSecret } from "@/lib/crypto/decrypt-secret";
import { deriveKey } from "@/lib/crypto/derive-key";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { newId } from "@/lib/ids/new-id";
import { generateSigningKey, signingKeyContext } from "@/lib/keys/generate-signing-key";
import { listPublishedKeys } from "@/lib/keys/list-published-keys";
import { loadSigningKey } from "@/lib/keys/load-signing-key";
import { rotateDueKeys } from "@/lib/keys/rotate-due-keys";
import { rotateKeys } from "@/lib/keys/rotate-keys";
import { createFreshDatabase, testProviders, type TestDatabase } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const DAY_MS = 86_400_000;
const secretsKey = deriveKey("key-rotation-tests-app-secret-0123456789abcdef", "secrets-at-rest");
const T0 = new Date("2026-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(testProviders())("signing key rotation on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  /** A second client on the same database: another instance of the app. */
  let other: Db;

  beforeAll(async () => {
    database = await createFreshDatabase(provider);
    await runMigrations({ databaseUrl: database.url });
    db = createDbClient(database.url);
    other = createDbClient(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await other.$disconnect();
    await database.drop();
  });

  async function createServer(rotationMode: "AUTO" | "MANUAL" = "AUTO", created = T0): Promise<string> {
    const id = newId("authorizationServer");
    const [active, next] = await Promise.all([generateSigningKey(secretsKey), generateSigningKey(secretsKey)]);
    await db.$transaction(async (tx) => {
      await createAuthorizationServerRecords(tx, { id, name: `Server ${id}`, description: null, audiences: [`api://${id}`] }, { active, next }, created);
      if (rotationMode === "MANUAL") await tx.authorizationServer.update({ where: { id }, data: { rotationMode: "MANUAL", nextRotation: null } });
    });
    return id;
  }
  const statuses = async (id: string) => {
    const counts: Record<string, number> = { ACTIVE: 0, NEXT: 0, EXPIRED: 0 };
    for (const row of await db.signingKey.findMany({ where: { authServerId: id } })) counts[row.status] = (counts[row.status] ?? 0) + 1;
    return counts;
  };
  const kidOf = async (id: string, status: string) => (await db.signingKey.findFirstOrThrow({ where: { authServerId: id, status } })).kid;
  const rolloverEvents = (id: string) =>
    readLogEvents(db, { where: { eventType: "app.oauth2.as.key.rollover" } }).then((events) => events.filter((e) => (e.target as Array<{ id: string }>)[0]?.id === id));

  it("rotates exactly once when two instances find the rotation due at the same moment, round after round", async () => {
    const id = await createServer();
    let expectedActive = await kidOf(id, "NEXT");
    let version = (await db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion;
    for (let round = 1; round <= 3; round++) {
      const now = at(round * 90 * DAY_MS);
      const results = await Promise.all([rotateDueKeys(db, id, secretsKey, now), rotateDueKeys(other, id, secretsKey, now), rotateDueKeys(other, id, secretsKey, now), rotateDueKeys(db, id, secretsKey, now)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await statuses(id)).toEqual({ ACTIVE: 1, NEXT: 1, EXPIRED: 1 });
      expect(await kidOf(id, "ACTIVE")).toBe(expectedActive);
      const server = await db.authorizationServer.findUniqueOrThrow({ where: { id } });
      expect(server.lastRotated).toEqual(now);
      expect(server.nextRotation).toEqual(new Date(now.getTime() + 90 * DAY_MS));
      // the keys' writes moved the server's configVersion (lib/db/cache-topics.ts)
      expect(server.configVersion).toBeGreaterThan(version);
      version = server.configVersion;
      expect(await rolloverEvents(id)).toHaveLength(round);
      expectedActive = await kidOf(id, "NEXT");
    }
  });

  it("answers two simultaneous explicit rotations with one rotation; both see its result", async () => {
    const id = await createServer();
    const oldActive = await kidOf(id, "ACTIVE");
    const oldNext = await kidOf(id, "NEXT");
    const now = at(DAY_MS);
    const versionBefore = (await db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion;
    const [a, b] = await Promise.all([rotateKeys(db, id, secretsKey, now), rotateKeys(other, id, secretsKey, now)]);
    expect([a.rotated, b.rotated].sort()).toEqual([false, true]);
    expect(a.keys).toEqual(b.keys);
    expect(a.keys!.map((key) => key.status)).toEqual(["ACTIVE", "NEXT", "EXPIRED"]);
    expect(a.keys![0]!.kid).toBe(oldNext);
    expect(a.keys![2]!.kid).toBe(oldActive);
    expect(await statuses(id)).toEqual({ ACTIVE: 1, NEXT: 1, EXPIRED: 1 });
    expect((await db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion).toBeGreaterThan(versionBefore);
  });

  it("does not rotate before nextRotation, nor ever in MANUAL mode", async () => {
    const auto = await createServer();
    const manual = await createServer("MANUAL");
    expect(await rotateDueKeys(db, auto, secretsKey, at(90 * DAY_MS - 1))).toBe(false);
    expect(await statuses(auto)).toEqual({ ACTIVE: 1, NEXT: 1, EXPIRED: 0 });
    // Even a leftover schedule does not rotate a MANUAL server.
    await db.authorizationServer.update({ where: { id: manual }, data: { nextRotation: at(DAY_MS) } });
    expect(await rotateDueKeys(db, manual, secretsKey, at(1000 * DAY_MS))).toBe(false);
    expect(await listPublishedKeys(db, manual, secretsKey, at(1000 * DAY_MS))).toHaveLength(2);
    expect(await statuses(manual)).toEqual({ ACTIVE: 1, NEXT: 1, EXPIRED: 0 });
  });

  it("costs one read by primary key and no transaction when nothing is due", async () => {
    const id = await createServer();
    const calls: string[] = [];
    const spy = new Proxy(db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "$transaction") return (...args: unknown[]) => (calls.push("$transaction"), (value as (...a: unknown[]) => unknown).apply(target, args));
        if (typeof prop === "string" && !prop.startsWith("$") && value && typeof value === "object") {
          return new Proxy(value, {
            get(model, method) {
              const fn = Reflect.get(model, method);
              return typeof fn === "function" ? (...args: unknown[]) => (calls.push(`${prop}.${String(method)}`), fn.apply(model, args)) : fn;
            },
          });
        }
        return value;
      },
    }) as Db;
    expect(await rotateDueKeys(spy, id, secretsKey, at(DAY_MS))).toBe(false);
    expect(calls).toEqual(["authorizationServer.findUnique"]);
    calls.length = 0;
    expect(await listPublishedKeys(spy, id, secretsKey, at(DAY_MS))).toHaveLength(2);
    expect(calls).toEqual(["authorizationServer.findUnique"]);
    calls.length = 0;
    expect(await rotateDueKeys(spy, id, secretsKey, at(90 * DAY_MS))).toBe(true);
    expect(calls).toContain("$transaction");
  });

  it("verifies a token signed with the old ACTIVE key against the published EXPIRED key until publishUntil", async () => {
    const id = await createServer();
    const row = await db.signingKey.findFirstOrThrow({ where: { authServerId: id, status: "ACTIVE" } });
    const privateKey = await importPKCS8(decryptSecret(row.privateKeyEncrypted, secretsKey, signingKeyContext(row.kid)), "RS256");
    const issuedAt = at(DAY_MS);
    const token = await new SignJWT({ sub: "00u1", scp: ["openid"] })
      .setProtectedHeader({ alg: "RS256", kid: row.kid })
      .setIssuer(`http://idp.test/oauth2/${id}`)
      .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
      .setExpirationTime(Math.floor((issuedAt.getTime() + DAY_MS) / 1000))
      .sign(privateKey);

    const rotated = await rotateKeys(db, id, secretsKey, issuedAt);
    expect(rotated.rotated).toBe(true);
    const verifyAt = async (ms: number) => {
      const keys = await listPublishedKeys(db, id, secretsKey, at(ms));
      const jwks = createLocalJWKSet({ keys: keys!.map((key) => key.jwk) });
      return jwtVerify(token, jwks, { issuer: `http://idp.test/oauth2/${id}`, currentDate: at(ms), algorithms: ["RS256"] });
    };
    const published = (await listPublishedKeys(db, id, secretsKey, at(DAY_MS)))!;
    expect(published.find((key) => key.kid === row.kid)).toMatchObject({ status: "EXPIRED", jwk: { kty: "RSA", alg: "RS256", kid: row.kid, use: "sig" } });
    expect(Object.keys(published[0]!.jwk).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);

    const verified = await verifyAt(2 * DAY_MS - 1000);
    expect(verified.protectedHeader.kid).toBe(row.kid);
    expect(verified.payload.sub).toBe("00u1");
    await expect(verifyAt(2 * DAY_MS)).rejects.toMatchObject({ code: "ERR_JWKS_NO_MATCHING_KEY" });
  });

  it("signs with the ACTIVE key, rotating first when due, and the signature verifies against the published keys", async () => {
    const id = await createServer();
    const before = await loadSigningKey(db, id, secretsKey, at(DAY_MS));
    expect(before!.kid).toBe(await kidOf(id, "ACTIVE"));
    const oldNext = await kidOf(id, "NEXT");
    const after = await loadSigningKey(db, id, secretsKey, at(90 * DAY_MS));
    expect(after!.kid).toBe(oldNext);
    expect(after!.alg).toBe("RS256");
    const token = await new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: after!.kid }).setExpirationTime(Math.floor(at(91 * DAY_MS).getTime() / 1000)).sign(after!.privateKey);
    const keys = await listPublishedKeys(db, id, secretsKey, at(90 * DAY_MS));
    const { protectedHeader } = await jwtVerify(token, createLocalJWKSet({ keys: keys!.map((key) => key.jwk) }), { currentDate: at(90 * DAY_MS) });
    expect(protectedHeader.kid).toBe(oldNext);
    expect(await loadSigningKey(db, "ausNoSuchServer00000", secretsKey, at(0))).toBeNull();
  });

  it("repairs a server without a NEXT key: a fresh ACTIVE and a fresh NEXT", async () => {
    const id = await createServer();
    const oldActive = await kidOf(id, "ACTIVE");
    await db.signingKey.deleteMany({ where: { authServerId: id, status: "NEXT" } });
    const result = await rotateKeys(db, id, secretsKey, at(DAY_MS));
    expect(result.rotated).toBe(true);
    expect(result.keys!.map((key) => key.status)).toEqual(["ACTIVE", "NEXT", "EXPIRED"]);
    expect(result.keys![2]!.kid).toBe(oldActive);
    expect(new Set(result.keys!.map((key) => key.kid)).size).toBe(3);
    expect((await db.signingKey.findFirstOrThrow({ where: { authServerId: id, status: "ACTIVE" } })).activated).toEqual(at(DAY_MS));
  });

  it("reports an unknown server without failing", async () => {
    expect(await rotateDueKeys(db, "ausNoSuchServer00000", secretsKey, at(0))).toBe(false);
    expect(await listPublishedKeys(db, "ausNoSuchServer00000", secretsKey, at(0))).toBeNull();
    expect(await rotateKeys(db, "ausNoSuchServer00000", secretsKey, at(0))).toEqual({ rotated: false, keys: null });
  });
});
