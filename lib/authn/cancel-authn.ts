import type { PlainResponse } from "../http/plain-http";

/**
 * POST /api/v1/authn/cancel, the `cancel` link of an authn answer. Primary authentication here ends
 * in SUCCESS at once (no MFA, no state token), so there is no transaction to cancel: Okta's empty
 * 200 answer, so okta-auth-js's transaction.cancel() resolves. An unused session token simply
 * expires (five minutes).
 */
export async function cancelAuthn(): Promise<PlainResponse> {
  return { status: 200, body: {} };
}
