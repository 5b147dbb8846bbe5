import type { Db } from "../db/create-db-client";

export type HealthReport = { status: 200 | 503; body: { status: "ok" | "unavailable"; database: "up" | "down" } };

/** Liveness with a database round trip: 200 when `SELECT 1` answers within the timeout, else 503. */
export async function checkHealth(db: Db, timeoutMs = 2000): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database health check timed out")), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRawUnsafe("SELECT 1 AS ok"), timeout]);
    return { status: 200, body: { status: "ok", database: "up" } };
  } catch (error) {
    console.error(`[health] database check failed: ${(error as Error).message}`);
    return { status: 503, body: { status: "unavailable", database: "down" } };
  } finally {
    clearTimeout(timer);
  }
}
