import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/db/run-migrations";
import { createFreshDatabase, queryRows, testProviders, type TestProvider } from "../support/test-databases";

// The migration that makes the org setting defaultLocale the one stored default language: the
// default brand's old `locale` moves into the setting when the setting was never set (and is not
// English, the setting's own default); a setting already chosen is kept; the column is gone.
const MIGRATION = "20261206170008_brand_locale_is_org_default_locale";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database migrated up to just before MIGRATION, and the folder holding the migrations up to and including it. */
async function databaseBeforeMigration(provider: TestProvider) {
  const database = await createFreshDatabase(provider);
  cleanups.push(() => database.drop());
  const root = await mkdtemp(path.join(tmpdir(), "idp-brand-locale-"));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const source = path.join(process.cwd(), "prisma/migrations", provider);
  await cp(source, path.join(root, provider), { recursive: true });
  for (const entry of await readdir(path.join(root, provider), { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= MIGRATION) await rm(path.join(root, provider, entry.name), { recursive: true });
  }
  await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
  return {
    url: database.url,
    async applyMigration() {
      await cp(path.join(source, MIGRATION), path.join(root, provider, MIGRATION), { recursive: true });
      return runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    },
  };
}

async function seed(provider: TestProvider, url: string, brandLocale: string, settings: Record<string, unknown>) {
  const p = provider === "sqlite" ? ["?"] : ["$1"];
  await queryRows(url, `UPDATE "Brand" SET "locale" = ${p[0]}`, [brandLocale]);
  await queryRows(url, `INSERT INTO "OrgSettings" ("id", "name", "settings", "lastUpdated") VALUES ('org', 'Org', ${p[0]}, ${provider === "sqlite" ? "0" : "now()"})`, [JSON.stringify(settings)]);
}

async function storedSettings(url: string): Promise<Record<string, unknown>> {
  const [row] = await queryRows<{ settings: unknown }>(url, `SELECT "settings" FROM "OrgSettings" WHERE "id" = 'org'`);
  return typeof row!.settings === "string" ? (JSON.parse(row!.settings) as Record<string, unknown>) : (row!.settings as Record<string, unknown>);
}

describe.each(testProviders())("the brand_locale_is_org_default_locale migration on %s", (provider) => {
  it.each([
    { brand: "de", settings: { sessionIdleMinutes: 30 }, expected: { sessionIdleMinutes: 30, defaultLocale: "de" } },
    { brand: "fr", settings: {}, expected: { defaultLocale: "fr" } },
    { brand: "de", settings: { defaultLocale: "fr" }, expected: { defaultLocale: "fr" } },
    { brand: "en", settings: { sessionIdleMinutes: 30 }, expected: { sessionIdleMinutes: 30 } },
    { brand: "es", settings: {}, expected: {} },
  ])("brand $brand with settings $settings -> $expected", async ({ brand, settings, expected }) => {
    const db = await databaseBeforeMigration(provider);
    await seed(provider, db.url, brand, settings);
    expect(await db.applyMigration()).toEqual({ applied: [MIGRATION] });
    expect(await storedSettings(db.url)).toEqual(expected);
    const columns =
      provider === "sqlite"
        ? await queryRows<{ name: string }>(db.url, `SELECT "name" FROM pragma_table_info('Brand')`)
        : await queryRows<{ name: string }>(db.url, `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Brand'`);
    expect(columns.map((c) => c.name)).not.toContain("locale");
    expect(columns.map((c) => c.name)).toContain("name");
  });
});
