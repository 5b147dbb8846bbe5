// @ts-check
// Requests that Next.js's request handler fails on before any of our code runs (it answers them 500,
// without the headers every response carries): refused here, in front of it, with the right 4xx.
// Plain JS because lib/cli/server.mjs runs without a TypeScript loader.
import responseHeaders from "../http/response-headers.js";

const { BASE_HEADERS, ANTI_FRAMING_HEADERS } = responseHeaders;

/** Methods no route of ours serves and that Next.js does not answer with a clean 405 (RFC 9110 9.3). */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/**
 * Answers a request Next.js cannot handle (true: the response is written), else leaves it alone
 * (false: nothing written).
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {boolean}
 */
export function rejectMalformedRequest(request, response) {
  const method = request.method ?? "GET";
  if (REFUSED_METHODS.has(method)) {
    refuse(response, 405, "Method Not Allowed", { Allow: "GET, HEAD, POST, PUT, DELETE, OPTIONS" });
    return true;
  }
  return false;
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [extra]
 */
function refuse(response, status, text, extra = {}) {
  const body = `${text}\n`;
  response.writeHead(status, {
    ...BASE_HEADERS,
    ...ANTI_FRAMING_HEADERS,
    "Cache-Control": "no-store",
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    ...extra,
  });
  response.end(body);
}
