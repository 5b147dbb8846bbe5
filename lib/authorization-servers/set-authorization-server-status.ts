import type { AuthorizationServer } from "../db/generated/sqlite/client";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";

/**
 * Activates or deactivates a server (an INACTIVE server's protocol endpoints answer as if it did
 * not exist). Already in that status: nothing changes and nothing is recorded ("unchanged").
 */
export async function setAuthorizationServerStatus(db: Db, server: AuthorizationServer, status: "ACTIVE" | "INACTIVE", now: Date, record: RecordChange<AuthorizationServer>): Promise<"changed" | "unchanged"> {
  if (server.status === status) return "unchanged";
  await db.$transaction(async (tx) => {
    await tx.authorizationServer.update({ where: { id: server.id }, data: { status, lastUpdated: now } });
    await record(tx, server);
  });
  return "changed";
}
