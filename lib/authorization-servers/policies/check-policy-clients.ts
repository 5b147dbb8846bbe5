import type { Db, DbTx } from "../../db/create-db-client";
import { validationError } from "../../okta-api/admin-api-error";
import { ALL_CLIENTS } from "./policy-conditions";

/** E0000001 naming every client id in conditions.clients.include that no app has. */
export async function checkPolicyClients(db: Db | DbTx, include: readonly string[]): Promise<void> {
  const ids = include.filter((id) => id !== ALL_CLIENTS);
  if (ids.length === 0) return;
  const found = await db.app.findMany({ where: { clientId: { in: ids } }, select: { clientId: true } });
  const known = new Set(found.map((app) => app.clientId));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const field = "conditions.clients.include";
    throw validationError(field, [`${field}: ${unknown.length === 1 ? "Unknown client id" : "Unknown client ids"}: ${unknown.join(", ")}.`]);
  }
}
