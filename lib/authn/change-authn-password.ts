import { z } from "zod";
import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import { moveAuthnTransaction } from "../signin/move-authn-transaction";
import { changeExpiredPassword } from "../user-tokens/change-expired-password";
import { answerStep, invalidStateTokenError, loadAuthnUser, loadTransaction } from "./authn-flow";
import { oldPasswordError, passwordPolicyError, rateLimitedError } from "./password-errors";

const CHANGE_REQUEST = z.object(
  {
    stateToken: z.string({ error: "The field cannot be left blank" }),
    oldPassword: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank").max(4096, "The field is too long"),
    newPassword: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank").max(4096, "The field is too long"),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn/credentials/change_password {stateToken, oldPassword, newPassword} (the
 * `changePassword` of a PASSWORD_EXPIRED transaction, okta-auth-js transaction.changePassword): the
 * old password again (wrong: 403 E0000014, counted per user: 429 E0000047), then the new one (policy,
 * not the old one: 403 E0000080). Once set (the transaction leaves PASSWORD_EXPIRED in the same
 * database transaction) the user is ACTIVE, the "password changed" email is queued, and the sign-on
 * policy decides what follows (answerStep: SUCCESS, or a factor step in a new transaction).
 */
export async function changeAuthnPassword(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const input = parseInput(CHANGE_REQUEST, readJsonBody(request), "changePasswordRequest");
  const now = app.now();
  const transaction = await loadTransaction(app, input.stateToken, now);
  if (transaction.status !== "PASSWORD_EXPIRED") throw invalidStateTokenError();
  const result = await changeExpiredPassword(app.db, {
    user: { userId: transaction.userId },
    oldPassword: input.oldPassword,
    newPassword: input.newPassword,
    now,
    client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") },
    acceptLanguage: request.headers.get("accept-language"),
    orgUrl: app.orgUrl,
    claim: async (tx) => (await moveAuthnTransaction(tx, { stateToken: transaction.stateToken, from: { status: "PASSWORD_EXPIRED", factorId: null }, to: { status: "CANCELLED" }, now })) !== null,
    via: "authn_api",
  });
  if (!result.ok) {
    if (result.reason === "wrong_password") throw oldPasswordError();
    if (result.reason === "rate_limited") throw rateLimitedError(result.limit, result.resetAt);
    if (result.reason === "policy" || result.reason === "unchanged") throw passwordPolicyError(result);
    throw invalidStateTokenError();
  }
  return answerStep(app, request, { user: await loadAuthnUser(app, transaction.userId), amr: transaction.amr, transaction: null, now });
}
