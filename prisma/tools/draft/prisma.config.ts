// Dev-only config for drafting migration SQL offline with Prisma 6.19 (see ../draft-migration.mjs).
// DRAFT_PROVIDER picks the adapter; the adapter is only used to know the SQL dialect.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const provider = process.env.DRAFT_PROVIDER ?? "sqlite";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: provider === "sqlite" ? "../../schema.prisma" : "../../postgresql/schema.prisma",
  adapter: async () =>
    provider === "sqlite"
      ? new PrismaBetterSQLite3({ url: ":memory:" })
      : new PrismaPg({ connectionString: process.env.DRAFT_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test" }),
});
