import type { Db } from "@/lib/db/create-db-client";

/** A client over the same database that records every model query it runs (`Model.operation`). */
export function countingDb(db: Db): { db: Db; queries: string[] } {
  const queries: string[] = [];
  const extended = db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          queries.push(`${model}.${operation}`);
          return query(args);
        },
      },
    },
  });
  return { db: extended as unknown as Db, queries };
}
