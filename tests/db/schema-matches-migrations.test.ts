import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/db/run-migrations";
import { compareSchema, introspectDatabase, loadDmmf, type DbSchema } from "../support/compare-schema";
import { createFreshDatabase, queryRows, testProviders, type TestDatabase } from "../support/test-databases";

const SCHEMA_FILES = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgresql/schema.prisma",
} as const;

function readSchema(provider: keyof typeof SCHEMA_FILES): string {
  return readFileSync(path.join(process.cwd(), SCHEMA_FILES[provider]), "utf8");
}

/** The schema text with `search` replaced once; fails loudly if the text is not there any more. */
function tamper(schema: string, search: string, replacement: string): string {
  if (!schema.includes(search)) throw new Error(`tamper: ${JSON.stringify(search)} is not in the schema`);
  return schema.replace(search, replacement);
}

describe.each(testProviders())("%s: the migrated database matches the Prisma schema", (provider) => {
  let database: TestDatabase;
  let introspected: DbSchema;

  beforeAll(async () => {
    database = await createFreshDatabase(provider);
    await runMigrations({ databaseUrl: database.url });
    introspected = await introspectDatabase(database.url);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("has the tables, columns, types, nullability, defaults, keys, indexes and foreign keys of the schema", async () => {
    const dmmf = await loadDmmf(readSchema(provider));
    // Guards against comparing nothing with nothing.
    expect(dmmf.datamodel.models.length).toBeGreaterThan(20);
    expect(introspected.tables.map((table) => table.name).sort()).toEqual(
      dmmf.datamodel.models.map((model) => model.dbName ?? model.name).sort(),
    );
    expect(compareSchema(dmmf, introspected)).toEqual([]);
  });

  it("reports a field that the migrations do not create", async () => {
    const schema = tamper(readSchema(provider), "  loginLower          String    @unique\n", "  loginLower          String    @unique\n  nickname            String?\n");
    expect(compareSchema(await loadDmmf(schema), introspected)).toEqual(["User.nickname: column is missing from the database"]);
  });

  it("reports an index that the schema no longer declares", async () => {
    const schema = tamper(readSchema(provider), "  @@index([emailLower])\n", "");
    expect(compareSchema(await loadDmmf(schema), introspected)).toEqual([
      "User: index User_emailLower_idx (emailLower) is in the database but not in the schema",
    ]);
  });

  it("reports a changed column order in a composite index, a nullability change, a type change and a referential action", async () => {
    let schema = readSchema(provider);
    schema = tamper(schema, "  @@index([authServerId, status])\n}", "  @@index([status, authServerId])\n}");
    schema = tamper(schema, "  transitioningToStatus String?\n", "  transitioningToStatus String\n");
    schema = tamper(schema, "  failedAttempts      Int       @default(0)\n", "  failedAttempts      String    @default(\"0\")\n");
    schema = tamper(
      schema,
      "  user User @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@index([userId])\n  @@index([expiresAt])\n}",
      "  user User @relation(fields: [userId], references: [id], onDelete: Restrict)\n\n  @@index([userId])\n  @@index([expiresAt])\n}",
    );
    const fk = (action: string) =>
      provider === "postgresql"
        ? `foreign key UserSession_userId_fkey (userId) -> User (id) ON DELETE ${action} ON UPDATE CASCADE`
        : `foreign key (userId) -> User (id) ON DELETE ${action} ON UPDATE CASCADE`;
    const [text, integer] = provider === "postgresql" ? ["text", "integer"] : ["TEXT", "INTEGER"];
    const stringDefault = provider === "postgresql" ? "'0'::text" : "'0'";
    expect(compareSchema(await loadDmmf(schema), introspected)).toEqual([
      "User.transitioningToStatus: should be NOT NULL (required), the database has it nullable",
      `User.failedAttempts: type should be ${text}, the database has ${integer}`,
      `User.failedAttempts: default should be ${stringDefault}, the database has 0`,
      `SigningKey: index SigningKey_status_authServerId_idx (status, authServerId) is missing from the database`,
      `SigningKey: index SigningKey_authServerId_status_idx (authServerId, status) is in the database but not in the schema`,
      `UserSession: ${fk("RESTRICT")} is missing from the database`,
      `UserSession: ${fk("CASCADE")} is in the database but not in the schema`,
    ]);
  });

  it("reports what a database changed behind the migrations' back", async () => {
    const scratch = await createFreshDatabase(provider);
    try {
      await runMigrations({ databaseUrl: scratch.url });
      await queryRows(scratch.url, 'DROP INDEX "User_status_idx"');
      await queryRows(scratch.url, 'CREATE TABLE "Extra" ("id" INTEGER NOT NULL PRIMARY KEY)');
      const dmmf = await loadDmmf(readSchema(provider));
      expect(compareSchema(dmmf, await introspectDatabase(scratch.url))).toEqual([
        "User: index User_status_idx (status) is missing from the database",
        "Extra: table is in the database but not in the schema",
      ]);
    } finally {
      await scratch.drop();
    }
  });
});
