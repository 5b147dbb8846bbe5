import type { PlainRequest } from "../../http/plain-http";
import { MAX_FORM_BYTES } from "../request/parse-form-body";

/** The raw parameters of an authorization request; a repeated name is recorded, not resolved. */
export type RawAuthorizeParams = { values: ReadonlyMap<string, string>; duplicates: ReadonlySet<string> };

/**
 * The parameters of GET (query) or POST (application/x-www-form-urlencoded body, OIDC Core
 * 3.1.2.1) /authorize. Empty values count as absent. RFC 6749 3.1: parameters "MUST NOT be included
 * more than once": repeats are collected so that the validator can refuse them once it knows
 * whether the client and redirect URI can be trusted with the error. A POST with another body type
 * is read as having no parameters.
 */
export function readAuthorizeParams(request: Pick<PlainRequest, "method" | "url" | "headers" | "body">): RawAuthorizeParams {
  let source = request.url.searchParams;
  if (request.method === "POST") {
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    const body = request.body ?? "";
    source = type === "application/x-www-form-urlencoded" && Buffer.byteLength(body, "utf8") <= MAX_FORM_BYTES ? new URLSearchParams(body) : new URLSearchParams();
  }
  const values = new Map<string, string>();
  const duplicates = new Set<string>();
  const seen = new Set<string>();
  for (const [name, value] of source) {
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
    if (value !== "" && !values.has(name)) values.set(name, value);
  }
  return { values, duplicates };
}
