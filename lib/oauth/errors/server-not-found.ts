import type { HostedResponse } from "../../http/hosted-response";

/** What /authorize and /logout answer for an unknown or INACTIVE authorization server. */
export const SERVER_NOT_FOUND = "The authorization server was not found or is not active.";

/** The 404 of the browser-facing protocol endpoints (/authorize, its resume, /logout) for an unknown or INACTIVE server. */
export function serverNotFound(): HostedResponse {
  return { status: 404, headers: { "Cache-Control": "no-store" }, body: { error: "not_found", error_description: SERVER_NOT_FOUND } };
}
