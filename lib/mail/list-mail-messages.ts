import type { Db } from "../db/create-db-client";

/** The newest messages first (the dashboard's Outbox, tests): optionally one recipient's. */
export async function listMailMessages(db: Db, options: { to?: string; limit?: number } = {}) {
  return db.mailMessage.findMany({
    where: options.to ? { toAddress: options.to } : {},
    orderBy: { created: "desc" },
    take: Math.min(options.limit ?? 50, 200),
  });
}
