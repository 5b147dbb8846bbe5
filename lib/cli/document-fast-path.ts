import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { ANTI_FRAMING_HEADERS, BASE_HEADERS } from "../http/response-headers";
import { matchDocumentEndpoint, DOCUMENT_ENDPOINT_OPTIONS } from "../oauth/http/document-endpoints";
import { handleOAuthPreflight, handleOAuthRequest } from "../oauth/http/handle-oauth-request";

/** Answers a request itself (true) or leaves it to Next.js (false, nothing written). */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * The document fast path of `npm start`'s server (lib/cli/server.mjs): GET, HEAD and OPTIONS of
 * discovery (both metadata documents) and JWKS, answered by the very operations their route handlers
 * run (lib/oauth/http/document-endpoints), with the headers next.config.js gives every response,
 * but without Next.js's per-request routing and Web Request/Response conversion, which cost far more
 * than these cached documents themselves (see README, "Performance"). Everything else, and any
 * other method, goes to Next.js. `bypassHeader` (only set by the benchmark, BENCH_ROUTES=1) sends a
 * request carrying that header to the route handler instead, so the two can be compared.
 */
export function createDocumentFastPath(context: () => AppContext, options: { bypassHeader?: string } = {}): FastPath {
  return (request, response) => {
    const method = request.method ?? "GET";
    if (options.bypassHeader && request.headers[options.bypassHeader]) return false;
    if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") return false;
    const rawUrl = request.url ?? "/";
    const queryAt = rawUrl.indexOf("?");
    const target = matchDocumentEndpoint(queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt));
    if (!target) return false;
    void answer(context(), request, response, method, rawUrl, target);
    return true;
  };
}

async function answer(
  app: AppContext,
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  rawUrl: string,
  target: NonNullable<ReturnType<typeof matchDocumentEndpoint>>,
): Promise<void> {
  try {
    const plain: PlainRequest = {
      method,
      url: new URL(rawUrl, app.orgUrl),
      headers: { get: (name) => headerValue(request, name) },
      body: null,
      params: { authServerId: target.authServerId },
      ipAddress: headerValue(request, "x-forwarded-for")?.split(",")[0]?.trim() || null,
    };
    const result = method === "OPTIONS" ? await handleOAuthPreflight(app, plain) : await handleOAuthRequest(app, plain, target.operation, DOCUMENT_ENDPOINT_OPTIONS);
    write(response, result, method === "HEAD");
  } catch (error) {
    console.error(`[fast-path] ${method} ${rawUrl} failed:`, error);
    if (!response.headersSent) write(response, { status: 500, body: { error: "server_error", error_description: "The server encountered an internal error." } }, false);
    else response.destroy();
  }
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function write(response: ServerResponse, result: PlainResponse, headOnly: boolean): void {
  const headers: Record<string, string> = { ...BASE_HEADERS, ...ANTI_FRAMING_HEADERS, ...result.headers };
  let body: string | null = null;
  if (result.html !== undefined) {
    headers["Content-Type"] = "text/html; charset=utf-8";
    body = result.html;
  } else if (result.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(result.body);
  }
  if (body !== null) headers["Content-Length"] = String(Buffer.byteLength(body));
  response.writeHead(result.status, result.cookies?.length ? { ...headers, "Set-Cookie": result.cookies } : headers);
  response.end(headOnly ? undefined : (body ?? undefined));
}
