import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/find-chromium.mjs";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_ADMIN_TOKEN } from "./e2e/e2e-settings";
import { TEST_APP_ORIGIN, TEST_APP_PORT } from "./e2e/test-app/settings";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ORIGIN = `http://localhost:${PORT}`;
const dataDir = process.env.E2E_DATA_DIR ?? "e2e/.data";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  outputDir: `${process.env.E2E_RESULTS_DIR ?? "test-results"}/artifacts`,
  reporter: [["list"], ["json", { outputFile: `${process.env.E2E_RESULTS_DIR ?? "test-results"}/e2e.json` }]],
  use: {
    baseURL: E2E_ORIGIN,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      // Chromium's own background traffic is refused on a closed network; keep it quiet.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // The production build made by e2e/run-e2e.mjs, on a fresh database, served as `npm start` serves it.
      command: "node lib/cli/server.mjs",
      url: `${E2E_ORIGIN}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        ORG_URL: E2E_ORIGIN,
        DATABASE_URL: `file:./${dataDir}/e2e.db`,
        APP_SECRET_FILE: `${dataDir}/app-secret`,
        ADMIN_EMAIL: E2E_ADMIN_EMAIL,
        ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
        ADMIN_API_TOKEN: E2E_ADMIN_TOKEN,
      },
    },
    {
      // The okta-auth-js test app on another origin (e2e/test-app/server.mjs; browser-flows specs).
      command: "node e2e/test-app/server.mjs",
      url: `${TEST_APP_ORIGIN}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { TEST_APP_PORT: String(TEST_APP_PORT), ISSUER: `${E2E_ORIGIN}/oauth2/default` },
    },
  ],
});