import type { AppContext } from "../../app-context";
import { BODY_LIMITS } from "../../http/body-limits";
import type { PlainRequest } from "../../http/plain-http";
import { OAuthError } from "../errors/oauth-error";
import { handleOAuthRequest, type OAuthEndpointOptions } from "./handle-oauth-request";
import type { OAuthResponse } from "../request/oauth-request";

/** RFC 9110 15.5.14 (413 Content Too Large) in the protocol's error vocabulary (RFC 6749 5.2 invalid_request). */
export const bodyTooLarge = () => new OAuthError("invalid_request", `The request body is too large: at most ${BODY_LIMITS.protocol / 1024} KiB.`, 413);

/**
 * The answer to a protocol request whose body passed BODY_LIMITS.protocol, for the route handlers
 * and the fast path alike: the 413 through the endpoint's own pipeline (its CORS and cache
 * headers), and the connection closed after it, since the rest of the body was never read.
 */
export async function answerBodyTooLarge(app: AppContext, request: PlainRequest, options: OAuthEndpointOptions): Promise<OAuthResponse> {
  const response = await handleOAuthRequest(
    app,
    request,
    async () => {
      throw bodyTooLarge();
    },
    options,
  );
  return { ...response, headers: { ...response.headers, Connection: "close" } };
}
