import Database from "better-sqlite3";

/** Rows of every table of a SQLite database (the server keeps writing; WAL readers see a consistent snapshot). */
export function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/**
 * Tables that refused requests legitimately write: the System Log (refused sign-ins, authorize
 * failures, failed grants are events) and the rate-limit windows (attempts count even when
 * refused). PendingAuthorization grows only by /authorize requests that were accepted and sent
 * to sign-in (302 to /signin or /consent): at most one row each.
 */
export const REFUSALS_MAY_WRITE = ["SystemLogEvent", "SystemLogPart", "RateLimitBucket"];

/** Tables whose count changed beyond what the rules above allow, as "Table: before -> after". */
export function unexpectedGrowth(before: Record<string, number>, after: Record<string, number>, acceptedAuthorizeRequests: number): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[table] ?? 0;
    const to = after[table] ?? 0;
    if (REFUSALS_MAY_WRITE.includes(table)) continue;
    if (table === "PendingAuthorization" && to >= from && to - from <= acceptedAuthorizeRequests) continue;
    if (to !== from) out.push(`${table}: ${from} -> ${to}`);
  }
  return out;
}
