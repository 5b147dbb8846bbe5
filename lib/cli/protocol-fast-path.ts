import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../app-context";
import { signFixedJwt } from "../bench/sign-fixed-jwt";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { requestClientAddress } from "../http/request-client-address";
import { ANTI_FRAMING_HEADERS, BASE_HEADERS } from "../http/response-headers";
import { handleOAuthPreflight, handleOAuthRequest, oauthErrorResponse, type OAuthEndpointOptions, type OAuthOperation } from "../oauth/http/handle-oauth-request";
import { BODY_LIMITS } from "../http/body-limits";
import { BodyTooLargeError } from "../http/read-limited-body";
import { answerBodyTooLarge } from "../oauth/http/body-too-large";
import { matchProtocolEndpoint } from "../oauth/http/protocol-endpoints";

/** Answers a request itself (true) or leaves it to Next.js (false, nothing written). */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

export type FastPathOptions = {
  /** a request carrying this header goes to the route handler instead (the benchmark compares both) */
  bypassHeader?: string;
  /** a POST to /api/bench/sign-jwt carrying this header gets the benchmark's floor from here */
  benchFloorHeader?: string;
};

/**
 * The protocol fast path of `npm start`'s server (lib/cli/server.mjs): the per-server protocol
 * endpoints (discovery, JWKS, token, introspect, revoke, userinfo; lib/oauth/http/protocol-endpoints,
 * the org authorization server's included),
 * answered by the very operations and options of their route handlers, with the headers
 * next.config.js gives every response, but without Next.js's per-request work for a dynamic route
 * (route matching, per-request route regexes, Web Request/Response and stream conversion), which
 * costs more than a warm client_credentials grant itself (see README, "Performance"). A method an
 * endpoint does not serve, any other path (/authorize, /logout, pages, the admin API) and malformed
 * paths go to Next.js unchanged.
 */
export function createProtocolFastPath(context: () => AppContext, options: FastPathOptions = {}): FastPath {
  return (request, response) => {
    const method = request.method ?? "GET";
    if (options.bypassHeader && request.headers[options.bypassHeader]) return false;
    const rawUrl = request.url ?? "/";
    const queryAt = rawUrl.indexOf("?");
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    if (options.benchFloorHeader && method === "POST" && pathname === "/api/bench/sign-jwt" && request.headers[options.benchFloorHeader]) {
      void answerBenchFloor(response);
      return true;
    }
    const target = matchProtocolEndpoint(pathname);
    if (!target) return false;
    const { methods, options: endpointOptions } = target.endpoint;
    let operation: OAuthOperation | null = null; // null: a CORS preflight
    if (method !== "OPTIONS") {
      const found = method === "GET" || method === "HEAD" ? methods.GET : method === "POST" ? methods.POST : undefined;
      if (!found) return false;
      operation = found;
    } else if (!endpointOptions.cors) return false;
    void answer(context(), request, response, { method, rawUrl, params: target.params, operation, endpointOptions });
    return true;
  };
}

type Target = { method: string; rawUrl: string; params: Readonly<Record<string, string>>; operation: OAuthOperation | null; endpointOptions: OAuthEndpointOptions };

async function answer(app: AppContext, request: IncomingMessage, response: ServerResponse, target: Target): Promise<void> {
  const { method, rawUrl } = target;
  try {
    let tooLarge = false;
    let body: string | null = null;
    if (method === "POST") {
      try {
        body = await readBody(request);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        tooLarge = true;
      }
    }
    const plain: PlainRequest = {
      method,
      url: new URL(rawUrl, app.orgUrl),
      headers: { get: (name) => headerValue(request, name) },
      body,
      params: { ...target.params },
      ipAddress: requestClientAddress({ get: (name) => headerValue(request, name) }, request.socket.remoteAddress ?? null),
    };
    if (tooLarge) return write(response, await answerBodyTooLarge(app, plain, target.endpointOptions), false);
    const result = target.operation ? await handleOAuthRequest(app, plain, target.operation, target.endpointOptions) : await handleOAuthPreflight(app, plain);
    write(response, result, method === "HEAD");
  } catch (error) {
    if (error instanceof BodyAborted) {
      response.destroy();
      return;
    }
    // The handlers answer their own failures; this is for what fails around them (503 when the
    // database is unavailable, else 500).
    if (!response.headersSent) write(response, oauthErrorResponse(`${method} ${rawUrl}`, error), false);
    else response.destroy();
  }
}

async function answerBenchFloor(response: ServerResponse): Promise<void> {
  write(response, { status: 200, headers: { "Cache-Control": "no-store", Pragma: "no-cache" }, body: await signFixedJwt(new Date()) }, false);
}

class BodyAborted extends Error {}

const utf8 = new TextDecoder(); // like Request.text(): UTF-8, a leading BOM dropped, bad bytes replaced

/**
 * The request body as text, as the route handler's `request.text()` reads it, and within the same
 * limit (lib/http/read-limited-body): a declared Content-Length over BODY_LIMITS.protocol fails at
 * once, a body that grows past it stops being read (BodyTooLargeError; the 413 closes the
 * connection).
 */
function readBody(request: IncomingMessage): Promise<string> {
  const limit = BODY_LIMITS.protocol;
  return new Promise((resolve, reject) => {
    const declared = request.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) return reject(new BodyTooLargeError(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // The rest is read and dropped until the 413 has gone out and the connection closes: a
        // socket closed with unread input answers with a reset, which can destroy the 413 on its
        // way (RFC 9112 9.6).
        request.off("data", onData);
        request.resume();
        return reject(new BodyTooLargeError(limit));
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => resolve(utf8.decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))));
    request.on("error", () => reject(new BodyAborted()));
    request.on("aborted", () => reject(new BodyAborted()));
  });
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
