import { BODY_LIMITS } from "../../http/body-limits";
import { invalidRequest } from "../errors/oauth-error";
import type { OAuthRequest } from "./oauth-request";

export const MAX_FORM_BYTES = BODY_LIMITS.protocol;

/**
 * RFC 6749 3.2 / 2.3.1: the token, introspection and revocation endpoints take
 * application/x-www-form-urlencoded bodies. Parameters must not repeat (RFC 6749 3.1, 3.2:
 * "Request and response parameters MUST NOT be included more than once"): a duplicate is
 * invalid_request, never silently resolved. Empty values count as absent.
 */
export function parseFormBody(request: OAuthRequest): Map<string, string> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw invalidRequest("The request must use Content-Type application/x-www-form-urlencoded.");
  }
  const body = request.body ?? "";
  if (Buffer.byteLength(body, "utf8") > MAX_FORM_BYTES) throw invalidRequest("The request body is too large.");
  return parseParams(new URLSearchParams(body));
}

/** The same duplicate rule for query parameters (e.g. /authorize, /logout). */
export function parseParams(params: URLSearchParams): Map<string, string> {
  const result = new Map<string, string>();
  for (const [name, value] of params) {
    if (result.has(name)) throw invalidRequest(`The '${name}' parameter was given more than once.`);
    if (value !== "") result.set(name, value);
  }
  return result;
}
