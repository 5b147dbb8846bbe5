import { getAppContext } from "@/lib/app-context";
import { PROTOCOL_ENDPOINTS } from "@/lib/oauth/http/protocol-endpoints";
import { handleOAuthPreflight, handleOAuthRequest, type OAuthEndpointOptions, type OAuthOperation } from "@/lib/oauth/http/handle-oauth-request";
import { toPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

type Method = "GET" | "POST";

/**
 * The protocol endpoints' HTTP shell: plain data in, plain data out. With `cors`, OPTIONS answers
 * preflights for trusted origins.
 */
export function oauthRoutes(operations: Partial<Record<Method, OAuthOperation>>, options: OAuthEndpointOptions = {}) {
  const handlers: Partial<Record<Method | "OPTIONS", RouteHandler>> = {};
  for (const method of ["GET", "POST"] as const) {
    const operation = operations[method];
    if (operation) handlers[method] = async (request, context) => writeResponse(await handleOAuthRequest(getAppContext(), await toPlainRequest(request, context), operation, options));
  }
  if (options.cors) handlers.OPTIONS = async (request, context) => writeResponse(await handleOAuthPreflight(getAppContext(), await toPlainRequest(request, context)));
  return handlers;
}

/** The route handlers of a per-server protocol endpoint: the operations and options the fast path of `npm start` uses too. */
export function protocolRoutes(path: keyof typeof PROTOCOL_ENDPOINTS) {
  const { methods, options } = PROTOCOL_ENDPOINTS[path];
  return oauthRoutes(methods, options);
}
