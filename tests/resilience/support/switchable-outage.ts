import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { refusingAddress } from "./fake-peers";

export type SwitchableOutage = { db: Db; down: boolean; close(): Promise<void> };

/**
 * A client over `db` whose every query, while `down` is set, fails exactly as it does when the
 * database server refuses connections: the query is first sent to a PostgreSQL address where
 * nothing listens, so the error is Prisma's own (P1001), not an imitation. Caches keyed by the
 * client see one client throughout, warm before the outage and after it.
 */
export async function switchableOutage(db: Db): Promise<SwitchableOutage> {
  const refused = createDbClient(await refusingAddress(), { connectTimeoutMs: 500 });
  const outage = {
    down: false,
    db: undefined as unknown as Db,
    close: () => refused.$disconnect(),
  };
  outage.db = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (outage.down) await refused.$queryRawUnsafe("SELECT 1");
        return query(args);
      },
    },
  }) as unknown as Db;
  return outage;
}
