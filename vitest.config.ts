import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(__dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/faults/**"],
          environment: "node",
          // Fresh SQLite (and, with TEST_POSTGRES_URL, PostgreSQL) databases for the whole run.
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Files share the run's databases; they run one at a time to keep counts deterministic.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // npm run test:faults: production servers against a private PostgreSQL cluster and SQLite
          // files, under load, while the database is stopped, frozen or starved (tests/faults/).
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/faults/support/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // each file starts its own servers and cluster; on 2 cores they take turns
          fileParallelism: false,
        },
      },
    ],
  },
});
