import type { AppContext } from "../../app-context";
import { listPublishedKeys } from "../../keys/list-published-keys";
import { notFound } from "../errors/oauth-error";
import { createDocumentCache } from "../request/cached-document";
import type { OAuthRequest, OAuthResponse } from "../request/oauth-request";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";

const cache = createDocumentCache();
/** Re-read the key set at least this often, so a due AUTO rotation is published promptly. */
const MAX_CACHE_MS = 60_000;

/**
 * GET /oauth2/:authServerId/v1/keys: the JWK set (`kty alg kid use n e` only) of ACTIVE, NEXT and
 * still-needed EXPIRED keys. A rotation bumps the server's configVersion, so the new set is served
 * within a second on every instance; NEXT keys are published before they sign, so clients caching
 * the set for the advertised five minutes never meet an unknown kid.
 */
export async function keysEndpoint(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  const authServerId = requestedServerId(request.params);
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, authServerId, now);
  if (!snapshot) throw notFound("The authorization server was not found or is not active.");
  return cache(app.db, request, `keys:${authServerId}`, snapshot.configVersion, now, "public, max-age=300, must-revalidate", async () => {
    const keys = (await listPublishedKeys(app.db, authServerId, app.secretsKey, now)) ?? [];
    const expiries = keys.flatMap((key) => (key.publishUntil ? [key.publishUntil.getTime()] : []));
    return { body: { keys: keys.map((key) => key.jwk) }, validUntil: Math.min(now.getTime() + MAX_CACHE_MS, ...expiries) };
  });
}
