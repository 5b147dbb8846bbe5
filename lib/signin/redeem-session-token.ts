import type { Db } from "../db/create-db-client";
import type { NewSession } from "../sessions/create-session";
import { consumeSessionToken } from "../sessions/session-tokens";
import { startSession, type StartSessionInput } from "./start-session";

/**
 * /authorize's `sessionToken` (Okta's one-time token from POST /api/v1/authn): consumed once
 * (consumeSessionToken: unknown, used, expired or no longer ACTIVE -> null, no session), then the
 * browser's session starts as after the hosted sign-in (startSession: rotation, user.session.start).
 * The session gets the token's `amr` and factor verification time (what the Authentication API
 * transaction verified: ["pwd"], or ["pwd", "otp", "mfa"] after a factor).
 */
export async function redeemSessionToken(db: Db, sessionToken: string, input: Omit<StartSessionInput, "person">): Promise<NewSession | null> {
  const consumed = await consumeSessionToken(db, sessionToken, input.now);
  if (!consumed) return null;
  return startSession(db, { ...input, person: { userId: consumed.userId, amr: consumed.amr, factorVerifiedAt: consumed.factorVerifiedAt } });
}
