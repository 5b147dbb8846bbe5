// @ts-check
// `Vary: Accept-Language` on the hosted pages Next.js renders, for `npm start`'s server
// (lib/cli/server.mjs). Plain JavaScript because that server runs without a TypeScript loader.
import responseHeaders from "../http/response-headers.js";

const { LOCALISED_PAGE_PATH } = responseHeaders;

/**
 * Call for every request. A hosted page in the person's language (LOCALISED_PAGE_PATH: its
 * language follows Accept-Language when the app names none) must say so to caches (RFC 9110
 * 12.5.5): `Accept-Language` is added to its Vary header as the head is written. Next.js sets a
 * page's Vary itself (replacing any a proxy or next.config.js gave), so it is added here, last.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
export function varyByLanguage(request, response) {
  const pathname = (request.url ?? "").split("?")[0] ?? "";
  if (!LOCALISED_PAGE_PATH.test(pathname)) return;
  const writeHead = response.writeHead;
  // Node's implicit head (a response ended without writeHead) goes through writeHead too.
  /** @type {typeof response.writeHead} */
  const withVary = function (...args) {
    if (!response.headersSent) {
      const current = response.getHeader("vary");
      const values = (Array.isArray(current) ? current.join(", ") : String(current ?? "")).split(",").map((value) => value.trim()).filter(Boolean);
      if (!values.some((value) => value.toLowerCase() === "accept-language")) response.setHeader("Vary", [...values, "Accept-Language"].join(", "));
    }
    return writeHead.apply(response, /** @type {Parameters<typeof writeHead>} */ (args));
  };
  response.writeHead = withVary;
}
