import { invalidRequest } from "../errors/oauth-error";
import type { OAuthRequest } from "../request/oauth-request";
import { parseFormBody } from "../request/parse-form-body";

const FORM = "application/x-www-form-urlencoded";

/**
 * The access token a protected-resource request presents (RFC 6750), or null when there is none:
 * - `Authorization: Bearer <token>` (section 2.1; the scheme name is case-insensitive); an
 *   Authorization header with another scheme presents no bearer token;
 * - on POST with an application/x-www-form-urlencoded body, the `access_token` parameter (section
 *   2.2, which OIDC Core 5.3.1 allows for userinfo). Other bodies are not read.
 * The URI query parameter (section 2.3) is not accepted: it leaks tokens into logs. A request that
 * uses both methods is 400 invalid_request ("Clients MUST NOT use more than one method").
 */
export function readBearerToken(request: OAuthRequest): string | null {
  const header = request.headers.get("authorization")?.trim() ?? "";
  const match = /^bearer(?:\s+(\S*))?$/i.exec(header);
  const fromHeader = match ? match[1] || null : null;

  let fromBody: string | null = null;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (request.method === "POST" && type === FORM) fromBody = parseFormBody(request).get("access_token") ?? null;

  if (fromHeader !== null && fromBody !== null) {
    throw invalidRequest("The access token must be sent in the Authorization header or in the request body, not both.");
  }
  return fromHeader ?? fromBody;
}
