import { getAppContext } from "@/lib/app-context";
import { methodNotAllowedError, toAdminErrorBody } from "@/lib/admin/admin-api-error";
import type { AdminOperation, AdminResponse } from "@/lib/admin/admin-request";
import { handleAdminRequest } from "@/lib/admin/handle-admin-request";
import { toPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;
type Method = (typeof METHODS)[number];
const NO_CACHE = { "Cache-Control": "no-cache, no-store" };

/**
 * The management API's HTTP shell: every method a route file does not implement answers Okta's 405.
 * Route files stay one line: `export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: list })`.
 */
export function adminRoutes(operations: Partial<Record<Method, AdminOperation>>): Record<Method, RouteHandler> {
  const allowed = METHODS.filter((method) => operations[method]);
  const notAllowed = methodNotAllowedError(allowed);
  const notAllowedResponse: AdminResponse = { status: notAllowed.status, body: toAdminErrorBody(notAllowed), headers: notAllowed.headers };
  const handlers = {} as Record<Method, RouteHandler>;
  for (const method of METHODS) {
    const operation = operations[method];
    handlers[method] = operation
      ? async (request, context) => writeResponse(await handleAdminRequest(getAppContext(), await toPlainRequest(request, context), operation), NO_CACHE)
      : async () => writeResponse(notAllowedResponse, NO_CACHE);
  }
  return handlers;
}
