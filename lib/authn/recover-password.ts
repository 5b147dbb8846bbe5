import { z } from "zod";
import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import { requestPasswordRecovery } from "../user-tokens/request-password-recovery";
import { recoveryChallengeJson } from "./authn-json";
import { rateLimitedError } from "./password-errors";

/** Okta's Forgot Password request; the recovery factor must be EMAIL (no SMS or voice here). */
const RECOVERY_REQUEST = z.object(
  {
    username: z.string({ error: "The field cannot be left blank" }).trim().min(1, "The field cannot be left blank").max(1024, "The field is too long"),
    factorType: z.string({ error: "The field cannot be left blank" }).refine((value) => value.toUpperCase() === "EMAIL", "Only EMAIL is supported for password recovery"),
    relayState: z.string().max(2048, "The field is too long").optional(),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn/recovery/password {username, factorType: "EMAIL", relayState?} (okta-auth-js
 * forgotPassword): 200 RECOVERY_CHALLENGE (factorResult WAITING, no stateToken: the recovery token
 * travels by email, its link `/signin/reset-password/{token}`), the same answer whether or not the
 * username names a user who may recover (requestPasswordRecovery: the same work either way). Too
 * many requests for the username or from the address: 429 E0000047, alike for known and unknown
 * users. A body that is not JSON, a missing username or another factorType: 400 E0000001/E0000003.
 */
export async function recoverPassword(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const input = parseInput(RECOVERY_REQUEST, readJsonBody(request), "recoveryRequest");
  const now = app.now();
  const result = await requestPasswordRecovery(app.db, {
    username: input.username,
    orgUrl: app.orgUrl,
    now,
    client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") },
    acceptLanguage: request.headers.get("accept-language"),
  });
  if (result.outcome === "rate_limited") throw rateLimitedError(result.limit, result.resetAt);
  return { status: 200, body: recoveryChallengeJson(input.relayState) };
}
