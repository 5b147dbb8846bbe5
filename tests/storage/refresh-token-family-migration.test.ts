import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, hashTokenBytes } from "@/lib/crypto/hash-token";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { createFreshDatabase, testProviders, type TestDatabase } from "../support/test-databases";

/** The migration that moved what a grant's rotations share into its family row; the database starts at the one before it. */
const FAMILY_MIGRATION = "20261206070949_refresh_token_family_holds_grant";

const USER = "00uAlice000000000001";
const decision = { policyId: "00pP1", ruleId: "0prR1", accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 10, minute));

/** Refresh-token rows as the previous schema held them: a rotated family with its lock row, a family without one, a garbage lock row. */
const OLD_TOKENS = [
  { id: "oarFirst000000000001", token: "first", familyId: "famRotated", parentId: null, status: "ROTATED", created: at(0), rotated: at(5) },
  { id: "oarSecond00000000001", token: "second", familyId: "famRotated", parentId: "oarFirst000000000001", status: "ACTIVE", created: at(5), rotated: null },
  { id: "oarAlone000000000001", token: "alone", familyId: "famNoLock", parentId: null, status: "ACTIVE", created: at(7), rotated: null },
];

async function migrationsBefore(root: string, migration: string): Promise<void> {
  for (const provider of ["sqlite", "postgresql"]) {
    await cp(path.join("prisma/migrations", provider), path.join(root, provider), {
      recursive: true,
      filter: (source) => !path.basename(source).match(/^\d{14}_/) || path.basename(source) < migration,
    });
  }
}

async function insertOldRows(db: Db, provider: string): Promise<void> {
  const pg = provider === "postgresql";
  // as Prisma's adapters store a DateTime: timestamp(3) on PostgreSQL, ISO 8601 text with +00:00 on SQLite
  const time = (date: Date | null) => (date === null ? null : pg ? date.toISOString().replace("T", " ").replace("Z", "") : date.toISOString().replace("Z", "+00:00"));
  const params = (count: number, casts: Record<number, string> = {}) => Array.from({ length: count }, (_, i) => (pg ? `$${i + 1}${casts[i + 1] ?? ""}` : "?")).join(", ");
  await db.$executeRawUnsafe(
    `INSERT INTO "User" ("id", "status", "login", "loginLower", "email", "emailLower", "profile", "created", "lastUpdated") VALUES (${params(9, { 7: "::jsonb", 8: "::timestamp(3)", 9: "::timestamp(3)" })})`,
    USER, "ACTIVE", "alice@example.com", "alice@example.com", "alice@example.com", "alice@example.com", "{}", time(at(0)), time(at(0)),
  );
  for (const t of OLD_TOKENS) {
    await db.$executeRawUnsafe(
      `INSERT INTO "RefreshToken" ("id", "tokenHash", "familyId", "parentId", "authServerId", "clientId", "userId", "scopes", "status", "authTime", "decision", "expiresAt", "windowEndsAt", "rotated", "created") VALUES (${params(15, { 8: "::jsonb", 10: "::timestamp(3)", 11: "::jsonb", 12: "::timestamp(3)", 13: "::timestamp(3)", 14: "::timestamp(3)", 15: "::timestamp(3)" })})`,
      t.id, hashToken(t.token), t.familyId, t.parentId, "default", "0oaPortal", USER, JSON.stringify(["openid", "offline_access"]), t.status, time(at(0)), JSON.stringify(decision), time(t.familyId === "famNoLock" ? at(600) : null), time(at(100)), time(t.rotated), time(t.created),
    );
  }
  const lock = `INSERT INTO "RefreshTokenFamily" ("id", "lastRotatedId", "graceSiblings", "revoked", "lastUsed") VALUES (${params(5, { 4: "::timestamp(3)", 5: "::timestamp(3)" })})`;
  await db.$executeRawUnsafe(lock, "famRotated", "oarFirst000000000001", 1, null, time(at(5)));
  await db.$executeRawUnsafe(lock, "famGarbage", null, 0, time(at(3)), time(at(3)));
}

describe.each(testProviders())("the refresh-token family migration on %s", (provider) => {
  let database: TestDatabase;
  let root: string;
  let db: Db;
  beforeAll(async () => {
    database = await createFreshDatabase(provider);
    root = await mkdtemp(path.join(tmpdir(), "idp-migrations-"));
    await migrationsBefore(root, FAMILY_MIGRATION);
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database.drop();
    await rm(root, { recursive: true, force: true });
  });

  it("moves what the rotations share into one family row, keeps the lock state and every token, and finds tokens by their hash's bytes", async () => {
    const before = createDbClient(database.url);
    await insertOldRows(before, provider);
    await before.$disconnect();

    const { applied } = await runMigrations({ databaseUrl: database.url });
    expect(applied).toContain(FAMILY_MIGRATION);
    db = createDbClient(database.url);
    const shared = { authServerId: "default", clientId: "0oaPortal", userId: USER, scopes: ["openid", "offline_access"], authTime: at(0), decision };
    expect(await db.refreshTokenFamily.findMany({ orderBy: { id: "asc" } })).toEqual([
      // no lock row before: created with the newest token's values, unlocked
      { id: "famNoLock", ...shared, expiresAt: at(600), lastRotatedId: null, graceSiblings: 0, revoked: null, lastUsed: at(7) },
      // the lock and grace state kept; the garbage row of a family with no token is gone
      { id: "famRotated", ...shared, expiresAt: null, lastRotatedId: "oarFirst000000000001", graceSiblings: 1, revoked: null, lastUsed: at(5) },
    ]);
    for (const t of OLD_TOKENS) {
      const row = await db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(t.token) } });
      expect(row).toEqual({ id: t.id, tokenHash: hashTokenBytes(t.token), familyId: t.familyId, parentId: t.parentId, status: t.status, windowEndsAt: at(100), rotated: t.rotated, revoked: null, created: t.created });
    }
  });
});
