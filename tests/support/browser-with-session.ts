import type { Db } from "@/lib/db/create-db-client";
import { createSession } from "@/lib/sessions/create-session";
import { CookieJar } from "../oauth/authorize-fixture";
import { ORG_URL } from "./admin-fixture";

/**
 * A browser that already holds an SSO session of `userId`, signed in with `amr` at `now` (the
 * session row and its `sid` cookie, made directly: no sign-in page), for tests of what /authorize
 * asks of an existing session (step-up, re-authentication, denial).
 */
export async function browserWithSession(db: Db, input: { userId: string; amr: string[]; now: Date }): Promise<CookieJar> {
  const session = await createSession(db, { userId: input.userId, amr: input.amr, ipAddress: null, userAgent: "vitest", now: input.now, orgUrl: ORG_URL });
  const jar = new CookieJar();
  jar.apply([session.cookie]);
  return jar;
}
