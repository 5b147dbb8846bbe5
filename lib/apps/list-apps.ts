import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";

export type AppFilter = { status?: "ACTIVE" | "INACTIVE"; name?: string };

/**
 * One page of apps by id, after the cursor `after` (an app id), and the next page's cursor (null on
 * the last). `q` (lower case) matches the start of the label or name, case-insensitively, in the
 * same way on SQLite and PostgreSQL: the candidates' labels are matched here, then the page's apps
 * are read whole.
 */
export async function listApps(db: Db, query: { filter: AppFilter; q: string; limit: number; after: string | null }): Promise<{ apps: App[]; nextCursor: string | null }> {
  const { filter, q, limit, after } = query;
  const candidates = await db.app.findMany({
    where: { ...filter, ...(after ? { id: { gt: after } } : {}) },
    select: { id: true, label: true, name: true },
    orderBy: { id: "asc" },
    ...(q ? {} : { take: limit + 1 }),
  });
  const matching = q ? candidates.filter((app) => app.label.toLowerCase().startsWith(q) || app.name.toLowerCase().startsWith(q)) : candidates;
  const ids = matching.slice(0, limit).map((app) => app.id);
  const nextCursor = matching.length > limit ? (ids.at(-1) ?? null) : null;
  const apps = ids.length ? await db.app.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }) : [];
  return { apps, nextCursor };
}
