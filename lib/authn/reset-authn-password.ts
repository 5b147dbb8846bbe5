import { z } from "zod";
import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { parseInput } from "../okta-api/parse-input";
import { readJsonBody } from "../okta-api/read-json-body";
import { moveAuthnTransaction } from "../signin/move-authn-transaction";
import { findPasswordHolder } from "../user-tokens/find-password-holder";
import { setProvenPassword } from "../user-tokens/set-proven-password";
import { answerStep, invalidStateTokenError, loadAuthnUser, loadTransaction } from "./authn-flow";
import { passwordPolicyError } from "./password-errors";

const RESET_REQUEST = z.object(
  {
    stateToken: z.string({ error: "The field cannot be left blank" }),
    newPassword: z.string({ error: "The field cannot be left blank" }).min(1, "The field cannot be left blank").max(4096, "The field is too long"),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * POST /api/v1/authn/credentials/reset_password {stateToken, newPassword} (the `resetPassword` of a
 * PASSWORD_RESET transaction): the new password (policy; not the current one: 403 E0000080, the
 * transaction still waits) is set once (the transaction leaves PASSWORD_RESET in the same database
 * transaction: a replay is E0000011), the user is ACTIVE (a lockout, an expiry or the admin's
 * RECOVERY ends), their other sessions and refresh tokens end (org setting endSessionsOnPasswordReset)
 * and the "password changed" email is queued. Then, as after a password, what the sign-on policy asks
 * (answerStep): SUCCESS with a session token, or a factor step in a new transaction.
 */
export async function resetAuthnPassword(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const input = parseInput(RESET_REQUEST, readJsonBody(request), "resetPasswordRequest");
  const now = app.now();
  const transaction = await loadTransaction(app, input.stateToken, now);
  if (transaction.status !== "PASSWORD_RESET") throw invalidStateTokenError();
  const user = await findPasswordHolder(app.db, { userId: transaction.userId });
  if (!user) throw invalidStateTokenError();
  const result = await setProvenPassword(app.db, {
    user,
    password: input.newPassword,
    purpose: "recovery",
    now,
    orgUrl: app.orgUrl,
    client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") },
    acceptLanguage: request.headers.get("accept-language"),
    claim: async (tx) => (await moveAuthnTransaction(tx, { stateToken: transaction.stateToken, from: { status: "PASSWORD_RESET", factorId: null }, to: { status: "CANCELLED" }, now })) !== null,
    debug: { via: "authn_api" },
  });
  if (!result.ok) throw result.reason === "policy" || result.reason === "unchanged" ? passwordPolicyError(result) : invalidStateTokenError();
  return answerStep(app, request, { user: await loadAuthnUser(app, user.id), amr: ["pwd"], transaction: null, now });
}
