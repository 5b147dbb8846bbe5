import { z } from "zod";
import type { AppContext } from "../app-context";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { authenticatePerson } from "../signin/authenticate-person";
import { DEVICE_TOKEN, deviceTokenHash } from "../signin/device-token";
import { PASSWORD_POLICY } from "../passwords/check-password-policy";
import { createAuthnTransaction } from "../signin/create-authn-transaction";
import { answerStep, loadAuthnUser, refusalError } from "./authn-flow";
import { passwordExpiredJson } from "./authn-json";
import { currentState } from "./current-state";

export { authenticationFailedError } from "./authn-flow";

const DEVICE_TOKEN_ERROR = "Must be 32 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' or '~' (a random value the app keeps for the device).";

/**
 * Okta's Authentication API request (primary authentication); okta-auth-js may add `options`, which
 * change nothing here, and `context.deviceToken` (the device's id, see lib/signin/device-token.ts).
 */
const AUTHN_REQUEST = z.object(
  {
    username: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank").max(1024, "The field is too long"),
    password: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank").max(4096, "The field is too long"),
    options: z.object({ warnBeforePasswordExpired: z.boolean().optional(), multiOptionalFactorEnroll: z.boolean().optional() }).optional(),
    context: z
      .object(
        { deviceToken: z.string({ error: DEVICE_TOKEN_ERROR }).regex(DEVICE_TOKEN, DEVICE_TOKEN_ERROR).optional() },
        { error: 'Must be an object: {"deviceToken": "..."}.' },
      )
      .optional(),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn (SDK contract 1, "Authn": okta-auth-js signIn/signInWithCredentials). Not
 * SSWS-authenticated: the caller is the user's browser.
 * - body: JSON `{username, password, options?, context?: {deviceToken}}` (readJsonBody: 415 for another Content-Type, 400
 *   E0000003 when not JSON; zod: 400 E0000001 naming the missing or invalid field), or
 *   `{stateToken}` alone: the transaction's current state (currentState; E0000011 for a stateToken
 *   that is unknown, expired, cancelled or already ended in SUCCESS);
 * - authenticatePerson (lib/signin; the password step: rate limits, argon2, lockout, System Log): RATE_LIMITED -> 429 E0000047 with
 *   X-Rate-Limit-* headers; any other refusal -> 401 E0000004 "Authentication failed", the same for
 *   unknown, STAGED, SUSPENDED, LOCKED_OUT... users (nothing revealed through the API); the right
 *   password of a PASSWORD_EXPIRED user (admin `lifecycle/expire_password`) -> 200 PASSWORD_EXPIRED
 *   with a stateToken for `changePassword` (change-authn-password.ts);
 * - then what the sign-on and enrollment policies ask (answerStep): `SUCCESS` with a one-time session
 *   token (five minutes) that the app redeems at /authorize (getWithoutPrompt({sessionToken})), or a
 *   transaction waiting for a factor, `MFA_REQUIRED` or `MFA_ENROLL`, with its stateToken; no session
 *   cookie is set here. A `context.deviceToken` the user's device was remembered under (a verify
 *   with rememberDevice after a primary authentication that sent it) counts as a remembered device,
 *   as the idp_device cookie does: it works for apps on other sites, whose requests carry no cookie.
 */
export async function authnEndpoint(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const body = readJsonBody(request);
  const now = app.now();
  if (isStateTokenOnly(body)) return currentState(app, request, body.stateToken, now);
  const input = parseInput(AUTHN_REQUEST, body, "authRequest");
  const result = await authenticatePerson(app.db, {
    proof: { kind: "password", username: input.username, password: input.password },
    ipAddress: request.ipAddress,
    userAgent: request.headers.get("user-agent"),
    now,
  });
  if (!result.ok) {
    // the right password of a PASSWORD_EXPIRED user: the transaction waits for a new one (changePassword)
    if ("passwordExpired" in result && result.passwordExpired && result.user) return passwordExpiredState(app, result.user.id, now);
    throw refusalError(result, now);
  }
  const deviceToken = input.context?.deviceToken;
  return answerStep(app, request, { user: await loadAuthnUser(app, result.user.id), amr: result.amr, transaction: null, now, deviceTokenHash: deviceToken ? deviceTokenHash(result.user.id, deviceToken) : null });
}

/** PASSWORD_EXPIRED: a new transaction whose `changePassword` takes the old and the new password. */
async function passwordExpiredState(app: AppContext, userId: string, now: Date): Promise<PlainResponse> {
  const started = await createAuthnTransaction(app.db, { userId, amr: ["pwd"], status: "PASSWORD_EXPIRED", now });
  return { status: 200, body: passwordExpiredJson(app.orgUrl, { ...started, user: await loadAuthnUser(app, userId), policy: PASSWORD_POLICY }) };
}

/** `{stateToken}` without credentials: the client asks for the transaction's state (okta-auth-js resumeTransaction). */
function isStateTokenOnly(body: unknown): body is { stateToken: unknown } {
  return typeof body === "object" && body !== null && "stateToken" in body && !("username" in body) && !("password" in body);
}
