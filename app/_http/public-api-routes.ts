import { getAppContext } from "@/lib/app-context";
import { methodNotAllowedError } from "@/lib/admin/admin-api-error";
import { handleEndUserPreflight, handleEndUserRequest, type EndUserOperation } from "@/lib/authn/handle-end-user-request";
import { toPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

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
  const handlers = {} as Record<Method | "OPTIONS", RouteHandler>;
  for (const method of METHODS) {
    const operation = operations[method] ?? notAllowed;
    handlers[method] = async (request, context) => writeResponse(await handleEndUserRequest(getAppContext(), await toPlainRequest(request, context), operation));
  }
  handlers.OPTIONS = async (request, context) => writeResponse(await handleEndUserPreflight(getAppContext(), await toPlainRequest(request, context)));
  return handlers;
}
