import type { FuzzRequest } from "./generate-requests";
import type { RawAnswer } from "./raw-http";

export type Problem = "5xx" | "no security headers" | "slow" | "no response";

/** Slower than this is a finding (measured again alone before it counts; see fuzz.test.ts). */
export const SLOW_MS = 2_000;

/**
 * The one 5xx by design: /unavailable, where the pages send a browser while the database is
 * unavailable, answers 503 with Retry-After whatever the request (lib/hosted/show-unavailable-page).
 */
const EXPECTED_5XX: Record<string, number> = { "/unavailable": 503 };

/**
 * What is wrong with an answer to hostile input: a 5xx (but EXPECTED_5XX); no `X-Content-Type-Options: nosniff` or no
 * anti-framing (`X-Frame-Options`, or a CSP with `frame-ancestors`: the pages /authorize renders
 * set their own, lib/http/response-headers.js); slower than SLOW_MS; or no answer at all, which is
 * right only for CONNECT (Node closes the connection when the server has no "connect" handler).
 */
export function problemsOf(request: FuzzRequest, answer: RawAnswer): Problem[] {
  if (answer.status === 0) return request.raw.method === "CONNECT" && answer.error !== "TIMEOUT" ? [] : ["no response"];
  const problems: Problem[] = [];
  if (answer.status >= 500 && EXPECTED_5XX[request.pattern] !== answer.status) problems.push("5xx");
  if (!hasSecurityHeaders(answer.headers)) problems.push("no security headers");
  if (answer.latencyMs > SLOW_MS) problems.push("slow");
  return problems;
}

export function hasSecurityHeaders(headers: Record<string, string[]>): boolean {
  const nosniff = (headers["x-content-type-options"] ?? []).some((value) => value.toLowerCase() === "nosniff");
  const framing = (headers["x-frame-options"] ?? []).length > 0 || (headers["content-security-policy"] ?? []).some((value) => /frame-ancestors/i.test(value));
  return nosniff && framing;
}
