import type { Db } from "../db/create-db-client";
import { logRegistrationEvent, REGISTRATION_EVENTS, SYSTEM_ACTOR } from "./registration-events";

/** Registrations removed per run (each in its own short transaction); the rest wait for the next run. */
const BATCH = 200;

/**
 * Housekeeping: a registration never verified (PROVISIONED, never activated, its EMAIL_VERIFY link
 * expired) is removed with a `user.lifecycle.delete.completed` event, so an abandoned address is
 * free again and no half-made account lingers. Read through the tokens' expiry index. A user an
 * administrator activated meanwhile is kept (the delete is conditional).
 */
export async function pruneExpiredRegistrations(db: Db, now: Date): Promise<number> {
  const expired = await db.userToken.findMany({
    where: { kind: "EMAIL_VERIFY", expiresAt: { lt: now }, consumed: null, user: { status: "PROVISIONED", activated: null } },
    select: { user: { select: { id: true, login: true } } },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
  });
  let removed = 0;
  for (const { user } of expired) {
    removed += await db.$transaction(async (tx) => {
      const { count } = await tx.user.deleteMany({ where: { id: user.id, status: "PROVISIONED", activated: null } });
      if (count === 1) await logRegistrationEvent(tx, { eventType: REGISTRATION_EVENTS.expire, displayMessage: "Remove an unverified self-service registration", user, actor: SYSTEM_ACTOR, result: "SUCCESS", reason: "the verification link expired" }, now);
      return count;
    });
  }
  return removed;
}
