#!/usr/bin/env node
// postinstall: derive the PostgreSQL schema and generate both Prisma clients (SQLite, PostgreSQL).
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const prismaBin = join(root, "node_modules", ".bin", "prisma");
execFileSync(process.execPath, [join(root, "prisma/tools/sync-schema.mjs")], { stdio: "inherit" });
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(prismaBin, ["generate", "--schema", schema], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
console.log("Generated Prisma clients for SQLite and PostgreSQL (lib/db/generated).");
