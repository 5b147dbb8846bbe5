import { getAppContext } from "@/lib/app-context";
import { AdminApiError, methodNotAllowedError, toAdminErrorBody } from "@/lib/admin/admin-api-error";
import type { AdminOperation, AdminResponse } from "@/lib/admin/admin-request";
import { handleAdminRequest } from "@/lib/admin/handle-admin-request";
import { clientIp, readParams } from "./request-basics";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]> | undefined> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;
type Method = (typeof METHODS)[number];

/**
 * The management API's HTTP shell: every method a route file does not implement answers Okta's 405.
 * Route files stay one line: `export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: list })`.
 */
export function adminRoutes(operations: Partial<Record<Method, AdminOperation>>): Record<Method, RouteHandler> {
  const allowed = METHODS.filter((method) => operations[method]);
  const handlers = {} as Record<Method, RouteHandler>;
  for (const method of METHODS) {
    const operation = operations[method];
    handlers[method] = operation ? adminRoute(operation) : async () => writeResponse(errorResponse(methodNotAllowedError(allowed)));
  }
  return handlers;
}

function adminRoute(operation: AdminOperation): RouteHandler {
  return async (request, context) => {
    const params = await readParams(context);
    const body = request.method === "GET" || request.method === "HEAD" ? null : await request.text();
    const response = await handleAdminRequest(
      getAppContext(),
      {
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body,
        params,
        ipAddress: clientIp(request),
      },
      operation,
    );
    return writeResponse(response);
  };
}

function errorResponse(error: AdminApiError): AdminResponse {
  return { status: error.status, body: toAdminErrorBody(error), headers: error.headers };
}

function writeResponse(response: AdminResponse): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-cache, no-store");
  if (response.body === undefined) return new Response(null, { status: response.status, headers });
  headers.set("Content-Type", "application/json");
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}
