import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../prisma/tools/derive-postgres-schema.mjs";
import { loadDmmf } from "../support/compare-schema";

// prisma/postgresql/schema.prisma is generated from prisma/schema.prisma (`npm run db:sync-schema`).
const read = (file: string) => readFileSync(path.join(process.cwd(), file), "utf8");

describe("prisma/postgresql/schema.prisma", () => {
  it("is exactly what `npm run db:sync-schema` derives from prisma/schema.prisma", () => {
    const source = read("prisma/schema.prisma");
    const derived: string = derivePostgresSchema(source);
    // The derivation must change something, or the comparison below would prove nothing.
    expect(derived).not.toBe(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(read("prisma/postgresql/schema.prisma")).toBe(derived);
  });

  it("describes the same data model as prisma/schema.prisma: the same DMMF apart from the provider", async () => {
    const sqlite = await loadDmmf(read("prisma/schema.prisma"));
    const postgresql = await loadDmmf(read("prisma/postgresql/schema.prisma"));
    expect(postgresql.datamodel.models.length).toBeGreaterThan(20);
    expect(postgresql.datamodel).toEqual(sqlite.datamodel);
    expect(postgresql.mappings).toEqual(sqlite.mappings);
    // The query schema (dmmf.schema) is left out on purpose: it follows the provider's capabilities
    // (e.g. `mode: insensitive` string filters exist only on PostgreSQL).
  });

  it("would notice a model that exists in only one of the two files", async () => {
    const source = read("prisma/schema.prisma");
    const sqlite = await loadDmmf(source);
    const drifted = await loadDmmf(`${derivePostgresSchema(source)}\nmodel Drift {\n  id String @id\n}\n`);
    expect(drifted.datamodel).not.toEqual(sqlite.datamodel);
    expect(drifted.datamodel.models.map((model) => model.name)).toContain("Drift");
  });
});
