import type { AppContext } from "../app-context";
import { getAdminRateLimit } from "../config/get-admin-rate-limit";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { rateLimitError, toAdminApiError, toAdminErrorBody } from "../okta-api/admin-api-error";
import type { AdminOperation, AdminRequest, AdminResponse } from "./admin-request";
import { authenticateApiToken } from "./authenticate-api-token";
import { authenticateBearerToken } from "./authenticate-bearer-token";

/**
 * The management API's request pipeline: authenticate (SSWS) -> rate limit (per API token,
 * ADMIN_RATE_LIMIT_PER_MINUTE) -> operation -> Okta
 * error shape. The database being unavailable is a 503 (serviceUnavailableError, Retry-After); an
 * unexpected failure is a 500 with a generic body; their causes go to the log only.
 */
export async function handleAdminRequest(app: AppContext, request: AdminRequest, operation: AdminOperation): Promise<AdminResponse> {
  let rateHeaders: Record<string, string> = {};
  try {
    const now = app.now();
    const authorization = request.headers.get("authorization");
    const bearer = /^Bearer ([^\s]+)$/.exec(authorization?.trim() ?? "")?.[1];
    const actor = bearer ? await authenticateBearerToken(app, bearer, now) : await authenticateApiToken(app.db, authorization, now);
    const budget = getAdminRateLimit();
    const decision = await consumeRateLimit(app.db, `api:${actor.apiTokenId}`, budget.limit, budget.windowSeconds, now);
    rateHeaders = {
      "X-Rate-Limit-Limit": String(decision.limit),
      "X-Rate-Limit-Remaining": String(decision.remaining),
      "X-Rate-Limit-Reset": String(Math.ceil(decision.resetAt.getTime() / 1000)),
    };
    if (!decision.allowed) throw rateLimitError(rateHeaders);
    const client = { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") };
    const response = await operation({ ...app, request, actor, client, requestUri: request.url.pathname });
    return { ...response, headers: { ...rateHeaders, ...response.headers } };
  } catch (error) {
    const apiError = toAdminApiError(error, `[admin-api] ${request.method} ${request.url.pathname}`);
    return { status: apiError.status, body: toAdminErrorBody(apiError), headers: { ...rateHeaders, ...apiError.headers } };
  }
}
