import type { DbTx } from "../db/create-db-client";

/** A user row as far as "is it an unverified self-registration" goes. */
type RegistrationState = { id: string; status: string; activated: Date | null };

/**
 * An administrator's activation or reactivation of a self-registration nobody has verified yet
 * (PROVISIONED, never activated, an EMAIL_VERIFY token). Whoever registered chose the password and
 * need not own the address (a pre-registration hijack: register newhire@corp.com before HR creates
 * the account, wait for an administrator to activate it). Inside the change's transaction: its
 * EMAIL_VERIFY tokens are deleted, so the registration's link stops working; true when it was one,
 * and the caller then clears the password (passwordHash, passwordChanged: null) in its status write
 * so the activation goes through the administrator's activation link (issueActivation).
 */
export async function discardPendingRegistration(tx: DbTx, user: RegistrationState): Promise<boolean> {
  if (user.status !== "PROVISIONED" || user.activated !== null) return false;
  const { count } = await tx.userToken.deleteMany({ where: { userId: user.id, kind: "EMAIL_VERIFY" } });
  return count > 0;
}

/** The password fields an administrator's activation of a discarded registration clears. */
export const DISCARDED_PASSWORD = { passwordHash: null, passwordChanged: null } as const;
