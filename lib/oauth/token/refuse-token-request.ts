import type { OAuthError } from "../errors/oauth-error";
import { TOKEN_EVENTS } from "../tokens/token-events";
import { logTokenEvents, type TokenLogUser } from "./log-token-events";
import type { TokenRequestContext } from "./token-request-context";

/**
 * Logs why a token request is refused (FAILURE, or DENY for access_denied and for a policy's DENY
 * answered with another error: `deny`) and returns the error for the caller to throw. The event is the grant of the token the client asked for: the refresh
 * token event for the refresh_token grant, the access token event otherwise.
 */
export async function refuseTokenRequest(
  ctx: TokenRequestContext,
  error: OAuthError,
  reason: string,
  options: { user?: TokenLogUser | null; debug?: Record<string, unknown>; deny?: boolean } = {},
): Promise<OAuthError> {
  const refresh = ctx.grantType === "refresh_token";
  await logTokenEvents(ctx, [
    {
      eventType: refresh ? TOKEN_EVENTS.refreshToken : TOKEN_EVENTS.accessToken,
      result: error.error === "access_denied" || options.deny ? "DENY" : "FAILURE",
      reason,
      displayMessage: `OAuth2 ${refresh ? "refresh" : "access"} token request refused: ${error.error}`,
      user: options.user ?? null,
      debug: { error: error.error, errorDescription: error.description, ...options.debug },
    },
  ]);
  return error;
}
