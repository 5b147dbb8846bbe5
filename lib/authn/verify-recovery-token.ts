import { z } from "zod";
import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import { PASSWORD_POLICY } from "../passwords/check-password-policy";
import { redeemRecoveryToken } from "../user-tokens/redeem-recovery-token";
import { loadAuthnUser } from "./authn-flow";
import { passwordResetJson } from "./authn-json";
import { rateLimitedError, recoveryTokenError } from "./password-errors";

const TOKEN_REQUEST = z.object(
  {
    recoveryToken: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank"),
    options: z.object({ multiOptionalFactorEnroll: z.boolean().optional() }).optional(),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn/recovery/token {recoveryToken} (okta-auth-js verifyRecoveryToken): the
 * recovery token of the email's link (or of the admin's resetPasswordUrl) is used once and the
 * transaction waits in PASSWORD_RESET with a new stateToken (five minutes) for `resetPassword`. A
 * token that is unknown, used, expired, an activation token, or whose user may no longer recover:
 * 403 E0000105, nothing changed. Counted per client IP (429 E0000047).
 */
export async function verifyRecoveryToken(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const input = parseInput(TOKEN_REQUEST, readJsonBody(request), "recoveryToken");
  const redeemed = await redeemRecoveryToken(app.db, { token: input.recoveryToken, ipAddress: request.ipAddress, now: app.now() });
  if (!redeemed.ok) throw redeemed.reason === "rate_limited" ? rateLimitedError(redeemed.limit, redeemed.resetAt) : recoveryTokenError();
  const user = await loadAuthnUser(app, redeemed.user.id);
  return { status: 200, body: passwordResetJson(app.orgUrl, { stateToken: redeemed.stateToken, expiresAt: redeemed.expiresAt, user, policy: PASSWORD_POLICY }) };
}
