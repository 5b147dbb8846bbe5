import { z } from "zod";
import type { AppContext } from "../app-context";
import { AdminApiError, rateLimitError } from "../okta-api/admin-api-error";
import { link } from "../okta-api/links";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { createSessionToken } from "../sessions/session-tokens";
import { authenticatePerson } from "../signin/authenticate-person";
import { SIGNIN_RATE_LIMITS } from "../signin/check-credentials";
import { readPasswordChanged } from "../users/read-password-changed";

/** Okta's Authentication API request (primary authentication); okta-auth-js may add `options`, which change nothing here. */
const AUTHN_REQUEST = z.object(
  {
    username: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank").max(1024, "The field is too long"),
    password: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank").max(4096, "The field is too long"),
    options: z.object({ warnBeforePasswordExpired: z.boolean().optional(), multiOptionalFactorEnroll: z.boolean().optional() }).optional(),
  },
  { error: "The request body must be a JSON object." },
);

/** E0000004, Okta's answer to any refused primary authentication. */
export const authenticationFailedError = () => new AdminApiError(401, "E0000004", "Authentication failed");

const stringOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * POST /api/v1/authn (SDK contract 1, "Authn": okta-auth-js signIn/signInWithCredentials). Not
 * SSWS-authenticated: the caller is the user's browser.
 * - body: JSON `{username, password, options?}` (readJsonBody: 415 for another Content-Type, 400
 *   E0000003 when not JSON; zod: 400 E0000001 naming the missing or invalid field);
 * - authenticatePerson (lib/signin; the password step: rate limits, argon2, lockout, System Log): RATE_LIMITED -> 429 E0000047 with
 *   X-Rate-Limit-* headers; any other refusal -> 401 E0000004 "Authentication failed", the same for
 *   unknown, STAGED, SUSPENDED, LOCKED_OUT... users (nothing revealed through the API);
 * - success -> 200 `{expiresAt, status: "SUCCESS", sessionToken, _embedded: {user}, _links: {cancel}}`
 *   with a one-time session token (five minutes) that the app redeems at /authorize
 *   (getWithoutPrompt({sessionToken})); no session cookie is set here.
 */
export async function authnEndpoint(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const input = parseInput(AUTHN_REQUEST, readJsonBody(request), "authRequest");
  const now = app.now();
  const result = await authenticatePerson(app.db, {
    proof: { kind: "password", username: input.username, password: input.password },
    ipAddress: request.ipAddress,
    userAgent: request.headers.get("user-agent"),
    now,
  });
  if (!result.ok) {
    if (result.reason === "RATE_LIMITED") {
      const limit = result.rateLimit ?? { limit: SIGNIN_RATE_LIMITS.perUsername, resetAt: now };
      throw rateLimitError({ "X-Rate-Limit-Limit": String(limit.limit), "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String(Math.ceil(limit.resetAt.getTime() / 1000)) });
    }
    throw authenticationFailedError();
  }
  const { sessionToken, expiresAt } = await createSessionToken(app.db, { userId: result.user.id, now });
  const passwordChanged = await readPasswordChanged(app.db, result.user.id);
  const profile = result.user.profile;
  return {
    status: 200,
    body: {
      expiresAt: expiresAt.toISOString(),
      status: "SUCCESS",
      sessionToken,
      _embedded: {
        user: {
          id: result.user.id,
          passwordChanged: passwordChanged?.toISOString() ?? null,
          profile: {
            login: result.user.login,
            firstName: stringOrNull(profile.firstName),
            lastName: stringOrNull(profile.lastName),
            locale: stringOrNull(profile.locale),
            timeZone: stringOrNull(profile.timeZone),
          },
        },
      },
      _links: { cancel: link(app.orgUrl, "/api/v1/authn/cancel", ["POST"]) },
    },
  };
}
