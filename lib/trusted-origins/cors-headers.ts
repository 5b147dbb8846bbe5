import type { AppContext } from "../app-context";
import { isTrustedOrigin } from "./is-trusted-origin";
import type { PlainRequest } from "../http/plain-http";

/** What okta-auth-js sends and reads cross-origin (SDK contract, section 1). */
const ALLOW_METHODS = "GET, POST, DELETE, OPTIONS";
const ALLOW_HEADERS = "Accept, Authorization, Content-Type, X-Okta-User-Agent-Extended, X-Requested-With, DPoP";
const EXPOSE_HEADERS = "WWW-Authenticate, DPoP-Nonce";

/**
 * CORS for origins that are trusted origins with the CORS scope: the exact origin is echoed, never
 * `*`. Served from the trusted-origin cache, so a warm preflight costs no query. `credentials` is
 * for the authn/session endpoints, which okta-auth-js calls with cookies.
 */
export async function corsHeaders(
  app: AppContext,
  request: PlainRequest,
  options: { preflight?: boolean; credentials?: boolean } = {},
): Promise<Record<string, string>> {
  const origin = request.headers.get("origin");
  const headers: Record<string, string> = { Vary: "Origin" };
  if (!origin || !(await isTrustedOrigin(app.db, origin, "CORS", app.now()))) return headers;
  headers["Access-Control-Allow-Origin"] = origin;
  if (options.credentials) headers["Access-Control-Allow-Credentials"] = "true";
  if (options.preflight) {
    headers["Access-Control-Allow-Methods"] = ALLOW_METHODS;
    headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS;
    headers["Access-Control-Max-Age"] = "600";
  } else {
    headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS;
  }
  return headers;
}
