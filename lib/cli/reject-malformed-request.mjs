// @ts-check
// Requests that Next.js's request handler fails on before any of our code runs (it answers them 500,
// often without the headers every response carries) are refused here, in front of it, with the
// 4xx each surface speaks and those headers; its trailing-slash redirect, which it sends without
// them, is sent from here too. Only the request line and headers are judged: the body is never
// read. Plain JS because lib/cli/server.mjs runs without a TypeScript loader. Found by the fuzz
// suite (tests/faults/fuzz.test.ts); README "Hostile input".
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import responseHeaders from "../http/response-headers.js";

const { BASE_HEADERS, ANTI_FRAMING_HEADERS, SELF_FRAMED_PATH } = responseHeaders;

/**
 * Methods Next.js throws on ("'TRACE' HTTP method is unsupported") for every page and route
 * handler. No route of ours serves them; TRACE would echo credentials back (RFC 9110 9.3.8).
 */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
const ALLOWED = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

/**
 * Answers a request Next.js cannot handle and returns true (the response is written), else returns
 * false and writes nothing. Never throws, never reads the body.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {boolean}
 */
export function rejectMalformedRequest(request, response) {
  const rawUrl = request.url ?? "/";
  const refusal = findRefusal(request.method ?? "GET", rawUrl, request.headers, routeHandlerPaths());
  if (refusal) {
    write(response, request.method, answerFor(refusal, pathnameOf(rawUrl)));
    return true;
  }
  const location = canonicalLocation(rawUrl);
  if (location !== null) {
    write(response, request.method, { status: 308, headers: { Location: location }, body: "" });
    return true;
  }
  return false;
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {string | undefined} method
 * @param {{ status: number, headers: Record<string, string>, body: string }} answer
 */
function write(response, method, { status, headers, body }) {
  response.writeHead(status, {
    ...BASE_HEADERS,
    ...ANTI_FRAMING_HEADERS,
    "Cache-Control": "no-store",
    "Content-Length": String(Buffer.byteLength(body)),
    ...headers,
  });
  response.end(method === "HEAD" ? undefined : body);
}

/**
 * Where Next.js would redirect (308) a path with a trailing slash, an empty segment or a dot
 * segment (`.`, `..`, `%2e`...): the path without them, dot segments resolved, the query kept;
 * null when the path is canonical. Next.js sends that redirect before it applies the headers of
 * next.config.js; this one carries them. Bytes outside printable ASCII are percent-encoded, so
 * Location is always a valid header. An absolute-form or `*` request-target is left to Next.js.
 * @param {string} rawUrl
 * @returns {string | null}
 */
export function canonicalLocation(rawUrl) {
  if (!rawUrl.startsWith("/")) return null;
  const pathname = pathnameOf(rawUrl);
  const dotSegment = (/** @type {string} */ segment) => /^(?:\.|%2e){1,2}$/i.test(segment);
  if (pathname === "/" || !(pathname.endsWith("/") || pathname.includes("//") || pathname.split("/").some(dotSegment))) return null;
  /** @type {string[]} */
  const segments = [];
  for (const segment of pathname.split("/")) {
    if (segment === "" || (dotSegment(segment) && segment.replace(/%2e/gi, ".") === ".")) continue;
    if (dotSegment(segment)) segments.pop();
    else segments.push(segment);
  }
  const location = `/${segments.join("/")}${rawUrl.slice(pathname.length)}`;
  return location.replace(/[^\x21-\x7e]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
}

/**
 * @typedef {{ status: number, reason: string, detail: string, allow?: string }} Refusal
 */

/**
 * Why Next.js must not see this request (null: it may).
 * @param {string} method
 * @param {string} rawUrl
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {(pathname: string) => boolean} isRouteHandlerPath
 * @returns {Refusal | null}
 */
export function findRefusal(method, rawUrl, headers, isRouteHandlerPath) {
  if (REFUSED_METHODS.has(method.toUpperCase())) {
    return { status: 405, reason: "method", detail: `The ${method} method is not supported.` };
  }
  const pathname = pathnameOf(rawUrl);
  // Next.js decodes every dynamic segment with decodeURIComponent and answers 500 when it throws.
  if (!isDecodablePath(pathname)) {
    return { status: 400, reason: "path", detail: "The request path is not valid percent-encoded UTF-8." };
  }
  // next.config.js gives these paths no anti-framing headers (their pages set their own), so
  // Next.js's automatic 405 and OPTIONS answers would go without: answered here.
  if (SELF_FRAMED_PATH.test(pathname)) {
    const allowed = pathname.endsWith("/resume") ? ["GET", "HEAD"] : ["GET", "HEAD", "POST"];
    if (!allowed.includes(method)) return { status: 405, reason: "method", detail: `The ${method} method is not supported.`, allow: allowed.join(", ") };
  }
  if (method === "POST" && !isRouteHandlerPath(pathname)) return findServerActionRefusal(headers);
  return null;
}

/**
 * A POST to a page is a server action to Next.js (with a Next-Action header, or any multipart
 * body). It answers 500 when the Origin cannot be parsed or is another site's (its CSRF check),
 * when the multipart body cannot be parsed, and when the body is not an action at all. Our pages'
 * only server actions are the dashboard's, which the browser calls with Next-Action (the dashboard
 * needs JavaScript); a multipart POST without it is no request of ours.
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @returns {Refusal | null}
 */
function findServerActionRefusal(headers) {
  const contentType = String(headers["content-type"] ?? "").toLowerCase();
  const isMultipart = contentType.startsWith("multipart/form-data");
  const isAction = headers["next-action"] !== undefined;
  if (!isAction && !isMultipart) return null;
  if (!isAction) return { status: 400, reason: "body", detail: "This page does not accept multipart/form-data." };
  if (isMultipart && !/;\s*boundary=/.test(contentType)) {
    return { status: 400, reason: "body", detail: "The multipart body has no boundary." };
  }
  const origin = headers.origin;
  if (origin === undefined) return null; // Next.js lets it through (no browser sends it without)
  const originHost = hostOf(origin);
  if (originHost === null) return { status: 403, reason: "origin", detail: "The Origin header is not a valid origin." };
  if (originHost !== expectedHost(headers)) return { status: 403, reason: "origin", detail: "Cross-origin requests are not accepted here." };
  return null;
}

/**
 * The host Next.js compares the Origin with: the first X-Forwarded-Host, else Host.
 * @param {import("node:http").IncomingHttpHeaders} headers
 */
function expectedHost(headers) {
  const forwarded = headers["x-forwarded-host"];
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0]?.trim();
  return first || headers.host || "";
}

/** @param {string | string[]} origin */
function hostOf(origin) {
  if (typeof origin !== "string" || origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** @param {string} rawUrl */
function pathnameOf(rawUrl) {
  const end = rawUrl.search(/[?#]/);
  return end === -1 ? rawUrl : rawUrl.slice(0, end);
}

/** @param {string} pathname */
export function isDecodablePath(pathname) {
  if (!pathname.includes("%")) return true;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer in the shape of the surface the path belongs to: Okta's error JSON for the management
 * and end-user APIs, OAuth's {error, error_description} for the protocol endpoints, else a page.
 * @param {Refusal} refusal
 * @param {string} pathname
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function answerFor(refusal, pathname) {
  /** @type {Record<string, string>} */
  const extra = refusal.status === 405 ? { Allow: refusal.allow ?? ALLOWED } : {};
  if (pathname.startsWith("/api/") || pathname.startsWith("/oauth2/v1/clients")) {
    const [errorCode, errorSummary] =
      refusal.status === 405
        ? ["E0000022", "The endpoint does not support the provided HTTP method"]
        : refusal.status === 403
          ? ["E0000006", "You do not have permission to perform the requested action"]
          : ["E0000001", `Api validation failed: ${refusal.reason}`];
    const body = { errorCode, errorSummary, errorLink: errorCode, errorId: `oae${randomBase62(22)}`, errorCauses: [{ errorSummary: refusal.detail }] };
    return { status: refusal.status, headers: { ...extra, "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }
  if (pathname.startsWith("/oauth2/")) {
    const body = { error: "invalid_request", error_description: refusal.detail };
    return { status: refusal.status, headers: { ...extra, "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }
  const title = refusal.status === 405 ? "Method not allowed" : refusal.status === 403 ? "Forbidden" : "Bad request";
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${refusal.detail}</p></body></html>`;
  return { status: refusal.status, headers: { ...extra, "Content-Type": "text/html; charset=utf-8" }, body: html };
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** @param {number} length */
function randomBase62(length) {
  let out = "";
  for (const byte of randomBytes(length * 2)) {
    if (byte < 248) out += BASE62[byte % 62];
    if (out.length === length) return out;
  }
  return out.padEnd(length, "0");
}

/** @type {((pathname: string) => boolean) | undefined} */
let cachedRouteHandlerPaths;
/**
 * Whether a path is served by a route handler (app/**\/route.ts) rather than a page, from the
 * production build's route list (app-path-routes-manifest.json of NEXT_DIST_DIR or .next).
 */
function routeHandlerPaths() {
  if (!cachedRouteHandlerPaths) {
    const distDir = path.resolve(process.cwd(), process.env.NEXT_DIST_DIR || ".next");
    /** @type {Record<string, string>} */
    let manifest = {};
    try {
      manifest = JSON.parse(readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8"));
    } catch {
      // no build (unit tests): every path counts as a page
    }
    cachedRouteHandlerPaths = routeMatcher(Object.entries(manifest).filter(([entry]) => entry.endsWith("/route")).map(([, route]) => route));
  }
  return cachedRouteHandlerPaths;
}

/**
 * A matcher over App Router paths (`/a/[id]`, `/a/[...rest]`, `/a/[[...rest]]`).
 * @param {string[]} routes
 * @returns {(pathname: string) => boolean}
 */
export function routeMatcher(routes) {
  const patterns = routes.map((route) => {
    const source = route
      .split("/")
      .map((segment) => {
        if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
        if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
        if (/^\[.+\]$/.test(segment)) return "/[^/]+";
        return segment === "" ? "" : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
      })
      .join("");
    return new RegExp(`^${source || "/"}/?$`);
  });
  return (pathname) => patterns.some((pattern) => pattern.test(pathname));
}

/**
 * For the server's "clientError" event: a request Node's parser refused (headers over
 * --max-http-header-size: 431; a bad request line, an unknown method, a bad header: 400; a
 * timeout: 408) gets Node's own answer plus the headers every response carries, then the
 * connection closes.
 * @param {Error & { code?: string }} error
 * @param {import("node:stream").Duplex} socket
 */
export function answerClientError(error, socket) {
  if (socket.writable && !("_httpMessage" in socket && socket._httpMessage)) {
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const text = status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request";
    const headers = { ...BASE_HEADERS, ...ANTI_FRAMING_HEADERS, "Cache-Control": "no-store", "Content-Length": "0", Connection: "close" };
    socket.end(`HTTP/1.1 ${status} ${text}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n`);
  }
  socket.destroy(error);
}
