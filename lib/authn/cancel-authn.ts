import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { findAuthnTransaction } from "../signin/authn-transactions";
import { endTransaction } from "./authn-flow";

/**
 * POST /api/v1/authn/cancel, the `cancel` link of an authn answer (okta-auth-js transaction.cancel()):
 * ends the transaction of `{stateToken}`, if it is live, so its stateToken is refused from then on
 * (E0000011). Okta's empty 200 answer either way; an unused session token simply expires (five minutes).
 */
export async function cancelAuthn(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const now = app.now();
  let stateToken: unknown;
  try {
    stateToken = (JSON.parse(request.body ?? "") as { stateToken?: unknown }).stateToken;
  } catch {
    stateToken = undefined;
  }
  const transaction = typeof stateToken === "string" ? await findAuthnTransaction(app.db, stateToken, now) : null;
  if (transaction) await endTransaction(app, { ...transaction, stateToken: stateToken as string }, now);
  return { status: 200, body: {} };
}
