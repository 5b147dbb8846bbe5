import { getAppContext } from "@/lib/app-context";
import { bodyTooLargeError, methodNotAllowedError, toAdminErrorBody, unknownEndpointError, type AdminApiError } from "@/lib/okta-api/admin-api-error";
import type { AdminOperation, AdminResponse } from "@/lib/admin/admin-request";
import { handleAdminRequest } from "@/lib/admin/handle-admin-request";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { withPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;
type Method = (typeof METHODS)[number];
const NO_CACHE = { "Cache-Control": "no-cache, no-store" };

/**
 * The management API's HTTP shell: every method a route file does not implement answers Okta's 405.
 * Route files stay one line: `export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: list })`.
 * `uploads`: the route takes multipart/form-data files (a theme's logo), handed over as bytes.
 */
export function adminRoutes(operations: Partial<Record<Method, AdminOperation>>, options: { uploads?: boolean } = {}): Record<Method, RouteHandler> {
  const allowed = METHODS.filter((method) => operations[method]);
  const notAllowed = answerWith(methodNotAllowedError(allowed));
  // Before authentication: an unauthenticated client cannot make the server hold a large body.
  const tooLarge = () => errorAnswer(bodyTooLargeError(BODY_LIMITS.admin));
  const handlers = {} as Record<Method, RouteHandler>;
  for (const method of METHODS) {
    const operation = operations[method];
    handlers[method] = operation
      ? async (request, context) =>
          writeResponse(await withPlainRequest(request, context, BODY_LIMITS.admin, (plain) => handleAdminRequest(getAppContext(), plain, operation), tooLarge, options), NO_CACHE)
      : notAllowed;
  }
  return handlers;
}

/**
 * Every method of a path under /api/v1 that no route file serves (app/api/v1/[...unknown]):
 * Okta's JSON 404, never Next.js's HTML page. The body is not read.
 */
export function unknownAdminRoutes(): Record<Method | "HEAD" | "OPTIONS", RouteHandler> {
  const unknown = answerWith(unknownEndpointError());
  return { GET: unknown, POST: unknown, PUT: unknown, DELETE: unknown, PATCH: unknown, HEAD: unknown, OPTIONS: unknown };
}

/** A fixed error answer, with a fresh errorId each time as every other admin error has. */
function answerWith(error: AdminApiError): RouteHandler {
  return async () => writeResponse(errorAnswer(error), NO_CACHE);
}

function errorAnswer(error: AdminApiError): AdminResponse {
  return { status: error.status, body: toAdminErrorBody(error), headers: error.headers };
}
