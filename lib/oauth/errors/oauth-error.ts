/**
 * An OAuth 2.0 / OIDC protocol error with its wire code (RFC 6749 5.2, RFC 6750 3.1, RFC 7662,
 * OIDC Core 3.1.2.6). Endpoints answer `{error, error_description}` with `status`; client
 * authentication failures and bearer-token failures also carry a WWW-Authenticate challenge.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number = 400,
    readonly challenge: "Basic" | "Bearer" | null = null,
    /** sent as Retry-After (RFC 9110 10.2.3) */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

export const invalidRequest = (description: string) => new OAuthError("invalid_request", description);
/** RFC 6749 5.2: 401 with a challenge for the scheme the client tried (Basic by default). */
export const invalidClient = (description: string, scheme: "Basic" | "Bearer" = "Basic") =>
  new OAuthError("invalid_client", description, 401, scheme);
export const invalidGrant = (description: string) => new OAuthError("invalid_grant", description);
export const unauthorizedClient = (description: string) => new OAuthError("unauthorized_client", description);
export const unsupportedGrantType = (description: string) => new OAuthError("unsupported_grant_type", description);
export const invalidScope = (description: string) => new OAuthError("invalid_scope", description);
export const accessDenied = (description: string) => new OAuthError("access_denied", description, 403);
/** RFC 6750 3.1 */
export const invalidToken = (description: string) => new OAuthError("invalid_token", description, 401, "Bearer");
export const insufficientScope = (description: string) => new OAuthError("insufficient_scope", description, 403, "Bearer");
export const notFound = (description: string) => new OAuthError("not_found", description, 404);
export const serverError = () => new OAuthError("server_error", "The server encountered an internal error.", 500);
/**
 * RFC 6749 4.1.2.1 (the vocabulary, used by every endpoint here): the database is down, frozen or
 * out of connections. 503, sent with Retry-After.
 */
export const temporarilyUnavailable = (retryAfterSeconds: number) =>
  new OAuthError("temporarily_unavailable", "The service is temporarily unavailable. Try again later.", 503, null, retryAfterSeconds);

/**
 * 429 (RFC 6585 4) for too many credential checks, with the error code RFC 8628 3.5 gives a client
 * that must wait (`slow_down`), and Retry-After: when the exhausted window ends.
 */
export const slowDown = (description: string, retryAfterSeconds: number) => new OAuthError("slow_down", description, 429, null, retryAfterSeconds);

/** `WWW-Authenticate: Bearer error="…", error_description="…"` (quotes and backslashes escaped). */
export function challengeHeader(error: OAuthError, realm = "IdP"): string | null {
  if (!error.challenge) return null;
  const quote = (value: string) => `"${value.replace(/[\\"]/g, "\\$&")}"`;
  return `${error.challenge} realm=${quote(realm)}, error=${quote(error.error)}, error_description=${quote(error.description)}`;
}
