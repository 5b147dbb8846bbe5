import type { AppContext } from "../app-context";
import { forbiddenError, toAdminApiError, toAdminErrorBody } from "../okta-api/admin-api-error";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { corsHeaders } from "../trusted-origins/cors-headers";
import { isTrustedOrigin } from "../trusted-origins/is-trusted-origin";

/** An end-user API operation (authn, sessions/me): plain request in, plain answer out. */
export type EndUserOperation = (app: AppContext, request: PlainRequest) => Promise<PlainResponse>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The pipeline of the end-user endpoints of /api/v1 (POST /api/v1/authn, /api/v1/sessions/me).
 * They are called by browsers with the user's cookie (okta-auth-js uses `credentials: 'include'`),
 * never with an SSWS token, so they do not go through the management API's pipeline:
 * - a state-changing call (POST, DELETE, ...) that carries an `Origin` other than ORG_URL's or a
 *   trusted origin with the CORS scope is refused (403 E0000006) before anything runs: the cookie
 *   is SameSite=None over https, so this is what stops another site from ending a user's session
 *   or using the endpoints cross-site (calls without Origin, e.g. from servers, are not browsers'
 *   cross-site requests and pass);
 * - Okta's error shape `{errorCode, errorSummary, errorLink, errorId, errorCauses}` for AdminApiError,
 *   503 E0000009 with Retry-After when the database is unavailable, a generic 500 (cause in the
 *   server log only) for anything else;
 * - credentialed CORS for trusted origins (exact origin, Allow-Credentials, Vary: Origin; SDK
 *   contract 1) and no caching (session tokens, session state).
 */
export async function handleEndUserRequest(app: AppContext, request: PlainRequest, operation: EndUserOperation): Promise<PlainResponse> {
  let response: PlainResponse;
  let cors: Record<string, string> = {};
  try {
    cors = await corsHeaders(app, request, { credentials: true });
    if (!SAFE_METHODS.has(request.method) && !(await isAllowedOrigin(app, request.headers.get("origin")))) throw forbiddenError();
    response = await operation(app, request);
  } catch (error) {
    response = errorResponse(request, error);
  }
  return { ...response, headers: { "Cache-Control": "no-store", Pragma: "no-cache", ...response.headers, ...cors } };
}

/** The answer to a CORS preflight of an end-user endpoint: credentialed, for trusted origins only. */
export async function handleEndUserPreflight(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  try {
    return { status: 204, headers: await corsHeaders(app, request, { preflight: true, credentials: true }) };
  } catch (error) {
    return errorResponse(request, error);
  }
}

/** Okta's error shape: 503 with Retry-After when the database is unavailable, a generic 500 for the unexpected. */
function errorResponse(request: PlainRequest, error: unknown): PlainResponse {
  const apiError = toAdminApiError(error, `[end-user-api] ${request.method} ${request.url.pathname}`);
  return { status: apiError.status, body: toAdminErrorBody(apiError), headers: apiError.headers };
}

async function isAllowedOrigin(app: AppContext, origin: string | null): Promise<boolean> {
  if (origin === null) return true;
  if (origin === new URL(app.orgUrl).origin) return true;
  return isTrustedOrigin(app.db, origin, "CORS", app.now());
}
