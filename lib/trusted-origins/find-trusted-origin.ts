import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The trusted origin named in the path, or E0000007 (TrustedOrigin). */
export async function findTrustedOrigin(db: Db | DbTx, id: string) {
  const origin = await db.trustedOrigin.findUnique({ where: { id } });
  if (!origin) throw notFoundError(id, "TrustedOrigin");
  return origin;
}
