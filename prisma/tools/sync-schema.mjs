#!/usr/bin/env node
// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma: the two differ only in the
// datasource provider and the generated client's output folder (Prisma compiles the provider into
// the client, so each database needs its own). `--check` exits 1 when the derived file is stale.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema } from "./derive-postgres-schema.mjs";

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const sourcePath = join(prismaDir, "schema.prisma");
const targetPath = join(prismaDir, "postgresql", "schema.prisma");
const derived = derivePostgresSchema(readFileSync(sourcePath, "utf8"));
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(targetPath, "utf8");
  } catch {}
  if (current !== derived) {
    console.error("prisma/postgresql/schema.prisma is out of date: run `npm run db:sync-schema`.");
    process.exit(1);
  }
} else {
  mkdirSync(dirname(targetPath), { recursive: true });
  writeFileSync(targetPath, derived);
}
