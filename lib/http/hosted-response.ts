import type { PlainResponse } from "./plain-http";

/** What /authorize and the hosted pages' form posts answer (often with several cookies). */
export type HostedResponse = PlainResponse;

/** A 303 See Other (RFC 9110 15.4.4): after a form post the browser follows with GET, never re-posting. */
export function seeOther(location: string, cookies: string[] = []): HostedResponse {
  return { status: 303, headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" }, ...(cookies.length ? { cookies } : {}) };
}
