import type { AppContext } from "../../app-context";
import { challengeHeader, OAuthError, serverError } from "../errors/oauth-error";
import { corsHeaders } from "./cors-headers";
import type { OAuthRequest, OAuthResponse } from "./oauth-request";

export type OAuthOperation = (app: AppContext, request: OAuthRequest) => Promise<OAuthResponse>;

export type OAuthEndpointOptions = {
  /** answer cross-origin calls from trusted origins (never for /authorize) */
  cors?: boolean;
  /** RFC 6749 5.1: token responses are not cached */
  noStore?: boolean;
};

/**
 * The protocol endpoints' pipeline: run the operation, turn an OAuthError into
 * `{error, error_description}` with its status and challenge, and anything unexpected into a
 * generic 500 whose cause goes to the log only. Adds CORS and cache headers.
 */
export async function handleOAuthRequest(app: AppContext, request: OAuthRequest, operation: OAuthOperation, options: OAuthEndpointOptions = {}): Promise<OAuthResponse> {
  let response: OAuthResponse;
  try {
    response = await operation(app, request);
  } catch (error) {
    const known = error instanceof OAuthError ? error : null;
    if (!known) console.error(`[oauth] ${request.method} ${request.url.pathname} failed:`, error);
    const oauthError = known ?? serverError();
    const challenge = challengeHeader(oauthError);
    response = {
      status: oauthError.status,
      body: { error: oauthError.error, error_description: oauthError.description },
      headers: challenge ? { "WWW-Authenticate": challenge } : {},
    };
  }
  const headers: Record<string, string> = { ...response.headers };
  if (options.noStore) {
    headers["Cache-Control"] = "no-store";
    headers["Pragma"] = "no-cache";
  }
  if (options.cors) Object.assign(headers, await corsHeaders(app, request));
  return { ...response, headers };
}

/** The answer to a CORS preflight (OPTIONS) on a protocol endpoint. */
export async function handleOAuthPreflight(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  return { status: 204, headers: await corsHeaders(app, request, { preflight: true }) };
}
