import { afterEach, describe, expect, it } from "vitest";
import { bootstrapOrg } from "@/lib/bootstrap/bootstrap-org";
import { checkAppSecret } from "@/lib/bootstrap/check-app-secret";
import { deriveKey } from "@/lib/crypto/derive-key";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { createFreshDatabase, testProviders } from "../support/test-databases";

const RIGHT = "check-app-secret-right-0123456789abcdef";
const WRONG = "check-app-secret-wrong-0123456789abcdef";
const key = (secret: string) => deriveKey(secret, "secrets-at-rest");
const noAdmin = { email: null, password: null, apiToken: null };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDb(provider: "sqlite" | "postgresql"): Promise<Db> {
  const database = await createFreshDatabase(provider);
  cleanups.push(database.drop);
  await runMigrations({ databaseUrl: database.url });
  const db = createDbClient(database.url);
  cleanups.push(() => db.$disconnect());
  return db;
}

describe.each(testProviders())("checkAppSecret on %s", (provider) => {
  it("accepts the APP_SECRET the org was bootstrapped with and refuses any other", async () => {
    const db = await freshDb(provider);
    await bootstrapOrg({ db, provider, appSecret: RIGHT, admin: noAdmin });
    const { secretCheck } = await db.orgSettings.findUniqueOrThrow({ where: { id: "org" } });
    expect(secretCheck).toMatch(/^v1\./);
    expect(await checkAppSecret(db, key(RIGHT))).toBe(true);
    expect(await checkAppSecret(db, key(WRONG))).toBe(false);
    expect((await db.orgSettings.findUniqueOrThrow({ where: { id: "org" } })).secretCheck).toBe(secretCheck);
  });

  it("passes before the bootstrap (nothing is encrypted yet)", async () => {
    const db = await freshDb(provider);
    expect(await checkAppSecret(db, key(WRONG))).toBe(true);
    expect(await db.orgSettings.count()).toBe(0);
  });

  it("an org bootstrapped before check values existed is checked against its signing key, then gets its check value", async () => {
    const db = await freshDb(provider);
    await bootstrapOrg({ db, provider, appSecret: RIGHT, admin: noAdmin });
    await db.orgSettings.update({ where: { id: "org" }, data: { secretCheck: null } });

    expect(await checkAppSecret(db, key(WRONG))).toBe(false);
    expect((await db.orgSettings.findUniqueOrThrow({ where: { id: "org" } })).secretCheck).toBeNull();

    expect(await checkAppSecret(db, key(RIGHT))).toBe(true);
    expect((await db.orgSettings.findUniqueOrThrow({ where: { id: "org" } })).secretCheck).toMatch(/^v1\./);
    expect(await checkAppSecret(db, key(WRONG))).toBe(false);
  });

  it("without a check value or any signing key, the first secret to start becomes the org's; racing secrets agree on one", async () => {
    const db = await freshDb(provider);
    await bootstrapOrg({ db, provider, appSecret: RIGHT, admin: noAdmin });
    await db.orgSettings.update({ where: { id: "org" }, data: { secretCheck: null } });
    await db.signingKey.deleteMany({});

    const results = await Promise.all([checkAppSecret(db, key(RIGHT)), checkAppSecret(db, key(WRONG))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? RIGHT : WRONG;
    const loser = results[0] ? WRONG : RIGHT;
    expect(await checkAppSecret(db, key(winner))).toBe(true);
    expect(await checkAppSecret(db, key(loser))).toBe(false);
  });
});
