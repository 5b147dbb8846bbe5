import type { Db, DbTx } from "../../db/create-db-client";
import { CLAIMS_USER_SELECT, toTokenUser, type TokenUser } from "./claims-user";

/** The user of a grant (code exchange, refresh) with its groups; null when the user is gone. */
export async function loadTokenUser(db: Db | DbTx, userId: string, everyoneGroupId: string | null): Promise<TokenUser | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: CLAIMS_USER_SELECT });
  return row ? toTokenUser(row, everyoneGroupId) : null;
}
