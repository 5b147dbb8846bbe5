#!/usr/bin/env node
// prestart: `npm start` builds the production bundle the first time (or after `rm -rf .next`).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.log("No production build yet: running `next build` once (about a minute)...");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
