import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine at start-up, which fails offline even for
// `prisma generate`. Point it at a stub unless a real engine was configured; generate needs none.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  __dirname,
  "prisma/tools/schema-engine-unavailable.sh",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
});
