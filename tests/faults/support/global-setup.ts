import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { stopLeftoverClusters } from "./private-postgres";
import { createRunDir, RUN_DIR_ENV } from "./run-dir";
import { killLeftoverServers } from "./server-instance";

/**
 * Vitest globalSetup of the faults project: a production build to run (the one e2e made, in
 * NEXT_DIST_DIR or .next; built here when missing, or always with FAULTS_BUILD=1), and a scratch
 * run dir for the clusters, databases and server logs of the run. At the end anything still
 * running under it (after a crash or a timed-out hook) is stopped and the folder removed; with
 * FAULTS_KEEP=1 the logs stay.
 */
export default function setup(): () => void {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (process.env.FAULTS_BUILD === "1" || !existsSync(`${distDir}/BUILD_ID`)) {
    console.log(`faults: building the production bundle into ${distDir}`);
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
  }
  const dir = createRunDir();
  process.env[RUN_DIR_ENV] = dir; // the test workers start after this and inherit it
  return () => {
    const entries = readdirSync(dir);
    killLeftoverServers(
      dir,
      entries.filter((entry) => /^server-\d+\.pid$/.test(entry)),
    );
    stopLeftoverClusters(dir);
    if (process.env.FAULTS_KEEP === "1") console.log(`faults: logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
