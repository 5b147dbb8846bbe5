import type { Db } from "../db/create-db-client";
import { createSession, type NewSession } from "../sessions/create-session";
import { readSessionCookie } from "../sessions/session-cookie";
import { resetFailedAttempts } from "./reset-failed-attempts";
import { signOnSessionLimits } from "./sign-on-session-limits";

export type StartSessionInput = {
  /** the person authenticatePerson (or a redeemed session token) has just authenticated, and how */
  person: { userId: string; amr: string[]; factorVerifiedAt?: Date | null };
  /** the browser that signed in: its address, User-Agent and Cookie header (the session it may already hold is replaced) */
  browser: { ipAddress: string | null; userAgent: string | null; cookieHeader: string | null };
  now: Date;
  orgUrl: string;
};

/**
 * Starts the SSO session of a person who has just authenticated in a browser: the session the
 * browser's `sid` cookie names, if any, is revoked (rotation: no fixation, no other user's session
 * survives a sign-in), a new one starts (System Log user.session.start SUCCESS) and its Set-Cookie
 * is returned (createSession), with the sign-on rule's session limits where they are stricter than
 * the org's (signOnSessionLimits) and when a factor was verified; the sign-in is complete, so the
 * user's failed-attempt count is reset (resetFailedAttempts). Every sign-in of a browser ends here: the hosted page and
 * /authorize's sessionToken.
 */
export async function startSession(db: Db, input: StartSessionInput): Promise<NewSession> {
  const [limits] = await Promise.all([signOnSessionLimits(db, { userId: input.person.userId, ipAddress: input.browser.ipAddress, now: input.now }), resetFailedAttempts(db, input.person.userId)]);
  return createSession(db, {
    userId: input.person.userId,
    amr: input.person.amr,
    factorVerifiedAt: input.person.factorVerifiedAt ?? null,
    limits,
    ipAddress: input.browser.ipAddress,
    userAgent: input.browser.userAgent,
    now: input.now,
    orgUrl: input.orgUrl,
    previousCookieValue: readSessionCookie(input.browser.cookieHeader),
  });
}
