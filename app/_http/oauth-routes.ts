import { getAppContext } from "@/lib/app-context";
import { handleOAuthPreflight, handleOAuthRequest, type OAuthEndpointOptions, type OAuthOperation } from "@/lib/oauth/http/handle-oauth-request";
import type { OAuthRequest, OAuthResponse } from "@/lib/oauth/http/oauth-request";
import { clientIp, readParams } from "./request-basics";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]> | undefined> }) => Promise<Response>;
type Method = "GET" | "POST";

/**
 * The protocol endpoints' HTTP shell: plain data in, plain data out. With `cors`, OPTIONS answers
 * preflights for trusted origins.
 */
export function oauthRoutes(operations: Partial<Record<Method, OAuthOperation>>, options: OAuthEndpointOptions = {}) {
  const handlers: Partial<Record<Method | "OPTIONS", RouteHandler>> = {};
  for (const method of ["GET", "POST"] as const) {
    const operation = operations[method];
    if (operation) handlers[method] = async (request, context) => writeResponse(await handleOAuthRequest(getAppContext(), await toOAuthRequest(request, context), operation, options));
  }
  if (options.cors) handlers.OPTIONS = async (request, context) => writeResponse(await handleOAuthPreflight(getAppContext(), await toOAuthRequest(request, context)));
  return handlers;
}

async function toOAuthRequest(request: Request, context: { params: Promise<Record<string, string | string[]> | undefined> }): Promise<OAuthRequest> {
  const params = await readParams(context);
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    body: request.method === "GET" || request.method === "OPTIONS" ? null : await request.text(),
    params,
    ipAddress: clientIp(request),
  };
}

function writeResponse(response: OAuthResponse): Response {
  const headers = new Headers(response.headers);
  if (response.html !== undefined) {
    headers.set("Content-Type", "text/html; charset=utf-8");
    return new Response(response.html, { status: response.status, headers });
  }
  if (response.body === undefined) return new Response(null, { status: response.status, headers });
  headers.set("Content-Type", "application/json");
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}
