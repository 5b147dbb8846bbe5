import { getAppContext } from "@/lib/app-context";
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
