import type { Db } from "../db/create-db-client";
import type { UserTokenHolder } from "./find-user-token";

/** The user whose password a flow sets (by id, or by login ignoring case), or null (also for a login with a control character, which no login has). */
export async function findPasswordHolder(db: Db, key: { userId: string } | { login: string }): Promise<UserTokenHolder | null> {
  const select = { id: true, login: true, email: true, status: true, profile: true, passwordHash: true } as const;
  const row =
    "userId" in key ? await db.user.findUnique({ where: { id: key.userId }, select }) : key.login.length <= 1024 && !/[\u0000-\u001f\u007f]/.test(key.login) ? await db.user.findUnique({ where: { loginLower: key.login.toLowerCase() }, select }) : null;
  if (!row) return null;
  const profile = (row.profile && typeof row.profile === "object" && !Array.isArray(row.profile) ? row.profile : {}) as Record<string, unknown>;
  return { ...row, profile };
}
