import type { Db } from "../db/create-db-client";
import type { NewSession } from "../sessions/create-session";
import { authenticatePerson, type AuthenticationRefused, type Proof } from "./authenticate-person";
import { startSession, type StartSessionInput } from "./start-session";

export type SignInBrowserInput = {
  proof: Proof;
  browser: StartSessionInput["browser"];
  now: Date;
  orgUrl: string;
  /** the app the sign-in is for, if known (log context) */
  clientId?: string | null;
};

/**
 * A person signs in in a browser (the hosted sign-in page): authenticatePerson, then, when it
 * succeeds, startSession with how they authenticated. A refusal starts nothing and says why
 * (already logged and counted against the rate limits and the lockout).
 */
export async function signInBrowser(db: Db, input: SignInBrowserInput): Promise<{ ok: true; session: NewSession } | AuthenticationRefused> {
  const { browser, now } = input;
  const result = await authenticatePerson(db, { proof: input.proof, ipAddress: browser.ipAddress, userAgent: browser.userAgent, clientId: input.clientId ?? null, now });
  if (!result.ok) return result;
  const session = await startSession(db, { person: { userId: result.user.id, amr: result.amr }, browser, now, orgUrl: input.orgUrl });
  return { ok: true, session };
}
