import type { Db } from "../db/create-db-client";
import { ORG_AUTH_SERVER_ID } from "../oauth/snapshot/org-authorization-server";

/**
 * The custom servers (never the org authorization server) after the cursor `after` (by id), each with its ACTIVE key's kid (`keys`, zero or one
 * entry), whose name or audience starts with `q` without regard to case (all when q is empty). An
 * org has few servers, so the match runs in memory, the same on SQLite and PostgreSQL.
 */
export async function listAuthorizationServers(db: Db, query: { after: string | null; q?: string | null }) {
  const q = query.q?.trim().toLowerCase();
  const servers = await db.authorizationServer.findMany({
    where: { id: query.after ? { gt: query.after, not: ORG_AUTH_SERVER_ID } : { not: ORG_AUTH_SERVER_ID } },
    include: { keys: { where: { status: "ACTIVE" }, select: { kid: true } } },
    orderBy: { id: "asc" },
  });
  return q ? servers.filter((s) => s.name.toLowerCase().startsWith(q) || (s.audiences as string[]).some((a) => a.toLowerCase().startsWith(q))) : servers;
}
