import { getAppContext } from "@/lib/app-context";
import type { PlainRequest } from "@/lib/http/plain-http";
import { bodyTooLargeError, methodNotAllowedError } from "@/lib/okta-api/admin-api-error";
import { handleEndUserPreflight, handleEndUserRequest, type EndUserOperation } from "@/lib/authn/handle-end-user-request";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { withPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;
type Method = (typeof METHODS)[number];

/**
 * The HTTP shell of the end-user endpoints of /api/v1 (authn, sessions/me): no SSWS token, the
 * user's cookie instead, credentialed CORS for trusted origins (OPTIONS answers preflights), and
 * Okta's 405 for methods a route does not implement. Route files stay one line:
 * `export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = publicApiRoutes({ POST: authnEndpoint })`.
 */
export function publicApiRoutes(operations: Partial<Record<Method, EndUserOperation>>): Record<Method | "OPTIONS", RouteHandler> {
  const allowed = METHODS.filter((method) => operations[method]);
  const notAllowed: EndUserOperation = async () => {
    throw methodNotAllowedError(allowed);
  };
  // A body over the limit: Okta's 413 through the same pipeline (origin check, CORS, no caching).
  const tooLarge = (plain: PlainRequest) =>
    handleEndUserRequest(getAppContext(), plain, async () => {
      throw bodyTooLargeError(BODY_LIMITS.endUser);
    });
  const handlers = {} as Record<Method | "OPTIONS", RouteHandler>;
  for (const method of METHODS) {
    const operation = operations[method] ?? notAllowed;
    handlers[method] = async (request, context) => writeResponse(await withPlainRequest(request, context, BODY_LIMITS.endUser, (plain) => handleEndUserRequest(getAppContext(), plain, operation), tooLarge));
  }
  handlers.OPTIONS = async (request, context) => writeResponse(await withPlainRequest(request, context, BODY_LIMITS.endUser, (plain) => handleEndUserPreflight(getAppContext(), plain), tooLarge));
  return handlers;
}
