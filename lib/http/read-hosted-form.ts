import type { PlainRequest } from "./plain-http";

/** Hosted forms are small: anything larger is not one of ours. */
export const MAX_HOSTED_FORM_BYTES = 16 * 1024;

/**
 * The fields of a hosted page's form post (application/x-www-form-urlencoded), or null when the
 * body is of another type, too large, or repeats a field (never silently resolved).
 */
export function readHostedForm(request: Pick<PlainRequest, "headers" | "body">): Map<string, string> | null {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  const body = request.body ?? "";
  if (type !== "application/x-www-form-urlencoded" || Buffer.byteLength(body, "utf8") > MAX_HOSTED_FORM_BYTES) return null;
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) {
    if (fields.has(name)) return null;
    fields.set(name, value);
  }
  return fields;
}

/**
 * A form post that says where it comes from must come from this server (defence in depth beside
 * the CSRF token): `Origin` (RFC 6454) equal to ORG_URL's origin; a browser that leaves Origin out
 * still sends Fetch Metadata, and then `Sec-Fetch-Site` must be `same-origin`. A request with
 * neither (not a current browser, so not a cross-site forgery) is tolerated.
 */
export function isSameOriginPost(request: Pick<PlainRequest, "headers">, orgUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === new URL(orgUrl).origin;
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
}
