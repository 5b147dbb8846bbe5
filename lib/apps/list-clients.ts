import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";

/**
 * One page of apps by client_id, after the cursor `after` (a client_id), and the next page's cursor
 * (null on the last). `q` (lower case) matches the start of the label (client_name),
 * case-insensitively: the candidates' labels are matched here, then the page's apps are read whole.
 */
export async function listClients(db: Db, query: { q: string; limit: number; after: string | null }): Promise<{ apps: App[]; nextCursor: string | null }> {
  const { q, limit, after } = query;
  const candidates = await db.app.findMany({
    where: after ? { clientId: { gt: after } } : {},
    select: { clientId: true, label: true },
    orderBy: { clientId: "asc" },
    ...(q ? {} : { take: limit + 1 }),
  });
  const matching = q ? candidates.filter((app) => app.label.toLowerCase().startsWith(q)) : candidates;
  const clientIds = matching.slice(0, limit).map((app) => app.clientId);
  const nextCursor = matching.length > limit ? (clientIds.at(-1) ?? null) : null;
  const apps = clientIds.length ? await db.app.findMany({ where: { clientId: { in: clientIds } }, orderBy: { clientId: "asc" } }) : [];
  return { apps, nextCursor };
}
