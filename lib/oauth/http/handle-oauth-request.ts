import type { AppContext } from "../../app-context";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailableReason } from "../../db/is-database-unavailable";
import { challengeHeader, OAuthError, serverError, temporarilyUnavailable } from "../errors/oauth-error";
import { corsHeaders } from "../../trusted-origins/cors-headers";
import type { OAuthRequest, OAuthResponse } from "../request/oauth-request";

export type OAuthOperation = (app: AppContext, request: OAuthRequest) => Promise<OAuthResponse>;

export type OAuthEndpointOptions = {
  /** answer cross-origin calls from trusted origins (never for /authorize) */
  cors?: boolean;
  /** RFC 6749 5.1: token responses are not cached */
  noStore?: boolean;
};

/**
 * The protocol endpoints' pipeline: run the operation, turn an OAuthError into
 * `{error, error_description}` with its status and challenge, the database being unavailable into
 * 503 `temporarily_unavailable` with Retry-After, and anything else into a generic 500 whose cause
 * goes to the log only. Adds CORS (worked out first: when the trusted origins cannot be read,
 * nothing runs) and cache headers.
 */
export async function handleOAuthRequest(app: AppContext, request: OAuthRequest, operation: OAuthOperation, options: OAuthEndpointOptions = {}): Promise<OAuthResponse> {
  let response: OAuthResponse;
  let cors: Record<string, string> = {};
  try {
    if (options.cors) cors = await corsHeaders(app, request);
    response = await operation(app, request);
  } catch (error) {
    response = oauthErrorResponse(`${request.method} ${request.url.pathname}`, error);
  }
  const headers: Record<string, string> = { ...response.headers };
  if (options.noStore) {
    headers["Cache-Control"] = "no-store";
    headers["Pragma"] = "no-cache";
  }
  return { ...response, headers: { ...headers, ...cors } };
}

/** The answer to a CORS preflight (OPTIONS) on a protocol endpoint. */
export async function handleOAuthPreflight(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  try {
    return { status: 204, headers: await corsHeaders(app, request, { preflight: true }) };
  } catch (error) {
    return oauthErrorResponse(`${request.method} ${request.url.pathname}`, error);
  }
}

/**
 * A failure as a protocol error response (the protocol fast path uses it too): an OAuthError as it
 * is, the database being unavailable as 503 temporarily_unavailable with Retry-After, anything else
 * as 500 server_error; the cause of the last two goes to the server log.
 */
/** `what`: the request for the log, e.g. "POST /oauth2/default/v1/token". */
export function oauthErrorResponse(what: string, error: unknown): OAuthResponse {
  let oauthError: OAuthError;
  if (error instanceof OAuthError) {
    oauthError = error;
  } else if (isDatabaseUnavailable(error)) {
    console.warn(`[oauth] ${what}: database unavailable (${unavailableReason(error)})`);
    oauthError = temporarilyUnavailable(RETRY_AFTER_SECONDS);
  } else {
    console.error(`[oauth] ${what} failed:`, error);
    oauthError = serverError();
  }
  const headers: Record<string, string> = {};
  const challenge = challengeHeader(oauthError);
  if (challenge) headers["WWW-Authenticate"] = challenge;
  if (oauthError.retryAfterSeconds !== null) headers["Retry-After"] = String(oauthError.retryAfterSeconds);
  return { status: oauthError.status, body: { error: oauthError.error, error_description: oauthError.description }, headers };
}
