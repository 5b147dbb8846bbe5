import type { Db } from "../db/create-db-client";
import type { NewSession } from "../sessions/create-session";
import { consumeSessionToken } from "../sessions/session-tokens";
import { startSession, type StartSessionInput } from "./start-session";

/**
 * /authorize's `sessionToken` (Okta's one-time token from POST /api/v1/authn): consumed once
 * (consumeSessionToken: unknown, used, expired or no longer ACTIVE -> null, no session), then the
 * browser's session starts as after the hosted sign-in (startSession: rotation, user.session.start).
 * `amr` is ["pwd"]: the Authentication API issues session tokens after a password only.
 */
export async function redeemSessionToken(db: Db, sessionToken: string, input: Omit<StartSessionInput, "person">): Promise<NewSession | null> {
  const consumed = await consumeSessionToken(db, sessionToken, input.now);
  if (!consumed) return null;
  return startSession(db, { ...input, person: { userId: consumed.userId, amr: ["pwd"] } });
}
