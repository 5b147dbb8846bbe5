import type { Db, DbTx } from "../db/create-db-client";
import { duplicateLoginError } from "./user-errors";

/** E0000001 when another user already has this login, compared without regard to case. */
export async function assertLoginFree(db: Db | DbTx, login: string, exceptUserId: string | null): Promise<void> {
  const existing = await db.user.findUnique({ where: { loginLower: login.toLowerCase() }, select: { id: true } });
  if (existing && existing.id !== exceptUserId) throw duplicateLoginError();
}
