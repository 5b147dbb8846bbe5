import type { Db } from "../db/create-db-client";
import { pingDatabase } from "../db/ping-database";

export type HealthReport = {
  status: 200 | 503;
  body: { status: "ok" | "unavailable" | "draining"; database: "up" | "down" };
};

export type HealthOptions = {
  /** Longest wait for the database's answer. */
  timeoutMs?: number;
  /** The server is shutting down (graceful shutdown): 503 whatever the database says. */
  draining?: boolean;
};

/**
 * Readiness with a database round trip: 200 "ok" when `SELECT 1` answers within the timeout; 503
 * "unavailable" when it does not; 503 "draining" while the server shuts down, so that a load balancer
 * stops sending it traffic before it stops listening (the database is still reported).
 */
export async function checkHealth(db: Db, { timeoutMs = 2000, draining = false }: HealthOptions = {}): Promise<HealthReport> {
  const database = await databaseAnswers(db, timeoutMs);
  if (draining) return { status: 503, body: { status: "draining", database } };
  return database === "up" ? { status: 200, body: { status: "ok", database } } : { status: 503, body: { status: "unavailable", database } };
}

async function databaseAnswers(db: Db, timeoutMs: number): Promise<"up" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([pingDatabase(db), timeout]);
    return "up";
  } catch (error) {
    console.error(`[health] database check failed: ${(error as Error).message}`);
    return "down";
  } finally {
    clearTimeout(timer);
  }
}
