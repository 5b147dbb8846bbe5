import { getAppContext } from "@/lib/app-context";
import type { PlainRequest } from "@/lib/http/plain-http";
import { PROTOCOL_ENDPOINTS } from "@/lib/oauth/http/protocol-endpoints";
import { handleOAuthPreflight, handleOAuthRequest, type OAuthEndpointOptions, type OAuthOperation } from "@/lib/oauth/http/handle-oauth-request";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { answerBodyTooLarge } from "@/lib/oauth/http/body-too-large";
import { withPlainRequest, writeResponse, type RouteHandler } from "./request-basics";

type Method = "GET" | "POST";

/**
 * The protocol endpoints' HTTP shell: plain data in, plain data out. With `cors`, OPTIONS answers
 * preflights for trusted origins.
 */
export function oauthRoutes(operations: Partial<Record<Method, OAuthOperation>>, options: OAuthEndpointOptions = {}) {
  const handlers: Partial<Record<Method | "OPTIONS", RouteHandler>> = {};
  for (const method of ["GET", "POST"] as const) {
    const operation = operations[method];
    if (operation) handlers[method] = async (request, context) => writeResponse(await withPlainRequest(request, context, BODY_LIMITS.protocol, (plain) => handleOAuthRequest(getAppContext(), plain, operation, options), tooLarge(options)));
  }
  if (options.cors) handlers.OPTIONS = async (request, context) => writeResponse(await withPlainRequest(request, context, BODY_LIMITS.protocol, (plain) => handleOAuthPreflight(getAppContext(), plain), tooLarge(options)));
  return handlers;
}

/** A body over the limit: the protocol's 413. */
const tooLarge = (options: OAuthEndpointOptions) => (plain: PlainRequest) => answerBodyTooLarge(getAppContext(), plain, options);

/** The route handlers of a per-server protocol endpoint: the operations and options the fast path of `npm start` uses too. */
export function protocolRoutes(path: keyof typeof PROTOCOL_ENDPOINTS) {
  const { methods, options } = PROTOCOL_ENDPOINTS[path];
  return oauthRoutes(methods, options);
}
