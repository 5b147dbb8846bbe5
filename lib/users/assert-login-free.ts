import type { Db, DbTx } from "../db/create-db-client";
import { duplicateLoginError } from "./user-errors";

/**
 * E0000001 when another user already has this login, compared without regard to case. When that
 * user is an unverified self-service registration (PROVISIONED, never activated, an EMAIL_VERIFY
 * token) a second cause says so and what to do: activate that user (its registration's password is
 * discarded and an activation link sent, lib/users/activate-user.ts) or delete it.
 */
export async function assertLoginFree(db: Db | DbTx, login: string, exceptUserId: string | null): Promise<void> {
  const existing = await db.user.findUnique({
    where: { loginLower: login.toLowerCase() },
    select: { id: true, status: true, activated: true, _count: { select: { userTokens: { where: { kind: "EMAIL_VERIFY" } } } } },
  });
  if (!existing || existing.id === exceptUserId) return;
  const pending = existing.status === "PROVISIONED" && existing.activated === null && existing._count.userTokens > 0;
  throw duplicateLoginError(
    pending ? `login: The login belongs to an unverified self-service registration (user ${existing.id}); activate that user to send an activation link to its address (the password chosen at registration is discarded), or delete it.` : null,
  );
}
