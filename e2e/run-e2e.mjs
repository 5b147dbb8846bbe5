#!/usr/bin/env node
// npm run test:e2e: a production build, then Playwright in the system's Chromium against
// `next start` on a fresh SQLite database (see playwright.config.ts).
import { rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { CHROMIUM_MISSING, findChromium } from "./find-chromium.mjs";

if (!findChromium()) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
rmSync(process.env.E2E_DATA_DIR ?? "e2e/.data", { recursive: true, force: true });
if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
