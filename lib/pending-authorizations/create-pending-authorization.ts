import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import { asJson } from "../db/as-json";
import type { Db } from "../db/create-db-client";
import { newId } from "../ids/new-id";
import type { PendingState } from "./pending-state";

/** A pending authorization (sign-in or consent in progress) lives 10 minutes. */
export const PENDING_LIFETIME_MS = 10 * 60_000;

/**
 * Stores a validated authorization request while the user signs in or consents: an "ftx" id, the
 * state, and the SHA-256 of a new 256-bit CSRF token, which is returned once (for the cookie that
 * binds the request to this browser, see pendingCookie).
 */
export async function createPendingAuthorization(
  db: Db,
  input: { authServerId: string; state: PendingState; now: Date; random?: (size: number) => Buffer },
): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const random = input.random ?? randomBytes;
  const id = newId("pendingAuthorization", random);
  const csrfToken = randomToken(32, random);
  const expiresAt = new Date(input.now.getTime() + PENDING_LIFETIME_MS);
  await db.pendingAuthorization.create({
    data: { id, authServerId: input.authServerId, clientId: input.state.params.clientId, params: asJson(input.state), csrfHash: hashToken(csrfToken), expiresAt, created: input.now },
  });
  return { id, csrfToken, expiresAt };
}
