import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Set by the faults project's globalSetup: everything a run starts lives under it and is swept at the end. */
export const RUN_DIR_ENV = "FAULTS_RUN_DIR";

/** The run's scratch folder (searchable by the PostgreSQL user, who must reach its cluster inside). */
export function runDir(): string {
  if (!process.env[RUN_DIR_ENV]) process.env[RUN_DIR_ENV] = createRunDir();
  return process.env[RUN_DIR_ENV]!;
}

export function createRunDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "idp-faults-"));
  chmodSync(dir, 0o711);
  return dir;
}
