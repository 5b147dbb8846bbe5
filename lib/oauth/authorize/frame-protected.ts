import type { HostedResponse } from "../../http/hosted-response";
import { ANTI_FRAMING_HEADERS } from "../../http/response-headers";

/**
 * /authorize and /authorize/resume set their own framing headers (next.config.js cannot: an
 * okta_post_message page must be frameable by the app's origin and only by it). The pages they
 * render carry a Content-Security-Policy with frame-ancestors (lib/http/page-security-headers);
 * every other answer (redirects, the unknown-server 404) gets the anti-framing headers here.
 */
export function frameProtected(response: HostedResponse): HostedResponse {
  const headers = response.headers ?? {};
  if (Object.keys(headers).some((name) => name.toLowerCase() === "content-security-policy")) return response;
  return { ...response, headers: { ...ANTI_FRAMING_HEADERS, ...headers } };
}
