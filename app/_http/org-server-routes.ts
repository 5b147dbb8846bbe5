import { ORG_SERVER_PARAMS } from "@/lib/oauth/http/protocol-endpoints";
import type { RouteHandler } from "./request-basics";

/**
 * The org authorization server's routes (/.well-known/*, /oauth2/v1/*): a custom server's handlers
 * (protocolRoutes, hostedRoutes) given the org server's path parameters, since its paths name no
 * server. The endpoints behind them are the very same (requestedServerId tells them apart).
 */
export function orgServerRoutes<Method extends string>(handlers: Partial<Record<Method, RouteHandler>>): Partial<Record<Method, RouteHandler>> {
  const routes: Partial<Record<Method, RouteHandler>> = {};
  for (const [method, handler] of Object.entries(handlers) as [Method, RouteHandler | undefined][]) {
    if (handler) routes[method] = (request) => handler(request, { params: Promise.resolve({ ...ORG_SERVER_PARAMS }) });
  }
  return routes;
}
