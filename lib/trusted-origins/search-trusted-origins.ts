import type { Db } from "../db/create-db-client";
import type { Prisma, TrustedOrigin } from "../db/generated/sqlite/client";

/**
 * Up to `take` trusted origins after the id `after`, ordered by id, that match `where` (a filter
 * condition, or null) and `q`: the start of the name or of the origin (or of its host), ignoring
 * case; an empty `q` matches every one.
 */
export async function searchTrustedOrigins(
  db: Db,
  query: { where: Prisma.TrustedOriginWhereInput | null; q: string | null | undefined; take: number; after: string | null },
): Promise<TrustedOrigin[]> {
  const q = query.q?.toLowerCase() ?? "";
  const where: Prisma.TrustedOriginWhereInput = { AND: [...(query.where ? [query.where] : []), ...(query.after ? [{ id: { gt: query.after } }] : [])] };
  if (!q) return db.trustedOrigin.findMany({ where, orderBy: { id: "asc" }, take: query.take });
  const matches = (row: { name: string; origin: string }) =>
    row.name.toLowerCase().startsWith(q) || row.origin.startsWith(q) || row.origin.slice(row.origin.indexOf("://") + 3).startsWith(q);
  // Matched in memory on two short columns: LIKE would read % and _ as wildcards.
  const rows = await db.trustedOrigin.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true, origin: true } });
  const ids = rows.filter(matches).slice(0, query.take).map((row) => row.id);
  return db.trustedOrigin.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}
