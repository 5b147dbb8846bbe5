#!/usr/bin/env node
// npm test: every check, in order: schema sync, typecheck, lint, unit, integration (SQLite, and
// PostgreSQL when TEST_POSTGRES_URL is set), end-to-end (production build + Chromium), faults (the same
// production build against a private PostgreSQL cluster it stops, freezes and starves, and SQLite).
// Every step runs; the exit code is non-zero if any failed. The last line sums up the test counts.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";

const steps = [
  { name: "schema sync", cmd: ["node", "prisma/tools/sync-schema.mjs", "--check"] },
  { name: "typecheck", cmd: ["npx", "tsc", "--noEmit"] },
  { name: "lint", cmd: ["npx", "eslint", "--max-warnings", "0", "."] },
  { name: "unit", cmd: ["npx", "vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], report: "test-results/unit.json", kind: "vitest" },
  { name: "integration", cmd: ["npx", "vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], report: "test-results/integration.json", kind: "vitest" },
  { name: "e2e", cmd: ["node", "e2e/run-e2e.mjs"], report: "test-results/e2e.json", kind: "playwright" },
  { name: "faults", cmd: ["npx", "vitest", "run", "--project", "faults", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/faults.json"], report: "test-results/faults.json", kind: "vitest" },
];

const only = process.argv.slice(2);
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  if (step.report) rmSync(step.report, { force: true });
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: "inherit", env: process.env });
  const ok = run.status === 0;
  const counts = step.report ? readCounts(step) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
  } else if (step.report && !ok) {
    failed += 1; // the runner died before reporting
  }
  results.push({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000), counts });
}

console.log("\n=== summary ===");
for (const r of results) {
  const counts = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : "";
  console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name}${counts} ${r.seconds}s`);
}
if (!process.env.TEST_POSTGRES_URL) console.log("note: TEST_POSTGRES_URL is unset, so the integration tests ran on SQLite only.");
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(results.every((r) => r.ok) && failed === 0 ? 0 : 1);

function readCounts(step) {
  if (!existsSync(step.report)) return null;
  const report = JSON.parse(readFileSync(step.report, "utf8"));
  if (step.kind === "vitest") {
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
  }
  const stats = report.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 };
}
