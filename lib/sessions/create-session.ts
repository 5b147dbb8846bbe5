import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import { asJson } from "../db/as-json";
import type { Db } from "../db/create-db-client";
import { newId } from "../ids/new-id";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { logSessionEvent, SESSION_EVENTS } from "./session-events";
import { buildSessionCookie } from "./session-cookie";
import type { SessionInfo } from "./types";

export type NewSessionInput = {
  userId: string;
  /** how the user just authenticated (OIDC amr), e.g. ["pwd"] */
  amr: string[];
  /** when a second factor was verified in this sign-in, if one was (null or absent: none) */
  factorVerifiedAt?: Date | null;
  /**
   * The sign-on rule's session limits, in minutes (0: none of the rule's own): the session gets the
   * stricter of each and the org's sessionIdleMinutes / sessionMaxMinutes.
   */
  limits?: { maxIdleMinutes: number; maxLifetimeMinutes: number };
  ipAddress: string | null;
  userAgent: string | null;
  now: Date;
  /** ORG_URL: https makes the cookie `Secure; SameSite=None` */
  orgUrl: string;
  /** the `sid` cookie the browser presented, if any: that session is revoked (rotation at sign-in) */
  previousCookieValue?: string | null;
  random?: (size: number) => Buffer;
};

export type NewSession = {
  /** the cookie's value: handed to the browser only, stored as its SHA-256 */
  cookieValue: string;
  session: SessionInfo;
  /** the Set-Cookie header value */
  cookie: string;
};

const MINUTE_MS = 60_000;

/**
 * Starts an SSO session for a user who just authenticated (hosted sign-in, or a one-time session
 * token redeemed at /authorize; both through lib/signin's startSession):
 * - rotation: the session of `previousCookieValue` is revoked first, so a cookie planted before
 *   sign-in (session fixation) or left by another user never survives a sign-in;
 * - a fresh 256-bit cookie value; only its SHA-256 is stored (UserSession.tokenHash);
 * - id `102…` (Okta's session id prefix), authTime = now (OIDC auth_time);
 * - timeouts from the org settings: absolute `sessionMaxMinutes` (default 1440), idle
 *   `sessionIdleMinutes` (default 120, never past the absolute one), each shortened by the sign-on
 *   rule's limit when that is stricter (`limits`, 0 = none; the idle one is stored so every slide
 *   keeps it); the cookie lives as long as the absolute timeout, the server enforces both;
 * - `factorVerifiedAt`: when a second factor was verified (the SESSION prompt mode reads it);
 * - System Log `user.session.start` SUCCESS.
 * The user must exist and be ACTIVE (the caller has just checked the credentials); anything else
 * is a programming error and throws.
 */
export async function createSession(db: Db, input: NewSessionInput): Promise<NewSession> {
  const { now } = input;
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, login: true, status: true } });
  if (!user || user.status !== "ACTIVE") throw new Error(`createSession: user ${input.userId} is not an ACTIVE user.`);
  if (input.previousCookieValue) {
    await db.userSession.updateMany({ where: { tokenHash: hashToken(input.previousCookieValue), revoked: null }, data: { revoked: now } });
  }
  const settings = await readOrgSettings(db);
  const random = input.random ?? randomBytes;
  const cookieValue = randomToken(32, random);
  const maxMinutes = stricter(settings.sessionMaxMinutes, input.limits?.maxLifetimeMinutes);
  const idleMinutes = stricter(settings.sessionIdleMinutes, input.limits?.maxIdleMinutes);
  const expiresAt = new Date(now.getTime() + maxMinutes * MINUTE_MS);
  const idleExpiresAt = new Date(Math.min(now.getTime() + idleMinutes * MINUTE_MS, expiresAt.getTime()));
  const factorVerifiedAt = input.factorVerifiedAt ?? null;
  const row = await db.userSession.create({
    data: {
      id: newId("session", random),
      tokenHash: hashToken(cookieValue),
      userId: user.id,
      authTime: now,
      amr: asJson(input.amr),
      factorVerifiedAt,
      idleMinutes: idleMinutes === settings.sessionIdleMinutes ? null : idleMinutes,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 1024) ?? null,
      lastSeen: now,
      idleExpiresAt,
      expiresAt,
      created: now,
    },
    select: { id: true },
  });
  await logSessionEvent(
    db,
    {
      eventType: SESSION_EVENTS.start,
      result: "SUCCESS",
      displayMessage: "User login",
      user,
      client: { ipAddress: input.ipAddress, userAgent: input.userAgent },
      session: row,
      debug: { amr: input.amr, idleExpiresAt: idleExpiresAt.toISOString(), expiresAt: expiresAt.toISOString() },
    },
    now,
  );
  return {
    cookieValue,
    session: { id: row.id, userId: user.id, login: user.login, authTime: now, amr: [...input.amr], factorVerifiedAt, idleExpiresAt, expiresAt },
    cookie: buildSessionCookie(cookieValue, { orgUrl: input.orgUrl, maxAgeSeconds: maxMinutes * 60 }),
  };
}

/** The org's limit, or the rule's when it sets one (above 0) that is stricter. */
function stricter(orgMinutes: number, ruleMinutes: number | undefined): number {
  return ruleMinutes !== undefined && ruleMinutes > 0 ? Math.min(orgMinutes, ruleMinutes) : orgMinutes;
}
