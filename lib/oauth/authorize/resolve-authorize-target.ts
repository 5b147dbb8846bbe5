import type { Db } from "../../db/create-db-client";
import { loadActiveClient } from "../../apps/load-active-client";
import { matchRedirectUri } from "../../apps/match-redirect-uri";
import { hasControlCharacter } from "../../apps/validate-redirect-uri";
import type { OAuthClient } from "../../apps/oauth-client";
import { AUTHORIZE_MESSAGES as M } from "./authorize-messages";
import type { AuthorizeError } from "./authorize-types";
import type { RawAuthorizeParams } from "./read-authorize-params";

export type AuthorizeTarget = { ok: true; client: OAuthClient; redirectUri: string } | ({ ok: false; client: OAuthClient | null } & AuthorizeError);

/**
 * RFC 6749 4.1.2.1 / 4.2.2.1: "If the request fails due to a missing, invalid, or mismatching
 * redirection URI, or if the client identifier is missing or invalid, the authorization server
 * SHOULD inform the resource owner of the error and MUST NOT automatically redirect". So, before
 * anything can go back to the client: client_id present once and naming an ACTIVE app, and
 * redirect_uri present once and registered for it exactly (loopback ports vary for native apps,
 * RFC 8252 7.3). A failure here is shown as an error page by the caller.
 */
export async function resolveAuthorizeTarget(db: Db, raw: RawAuthorizeParams): Promise<AuthorizeTarget> {
  if (raw.duplicates.has("client_id")) return { ok: false, client: null, error: "invalid_request", description: M.duplicate("client_id") };
  const clientId = raw.values.get("client_id");
  if (!clientId) return { ok: false, client: null, error: "invalid_request", description: M.clientIdMissing };
  const client = await loadActiveClient(db, clientId);
  if (!client) return { ok: false, client: null, error: "invalid_client", description: M.clientInvalid };
  if (raw.duplicates.has("redirect_uri")) return { ok: false, client, error: "invalid_request", description: M.duplicate("redirect_uri") };
  const redirectUri = raw.values.get("redirect_uri");
  if (!redirectUri) return { ok: false, client, error: "invalid_request", description: M.redirectUriMissing };
  // Never matched (lib/apps/match-redirect-uri), and named here: a CR/LF/TAB would split or taint Location.
  if (hasControlCharacter(redirectUri)) return { ok: false, client, error: "invalid_request", description: M.redirectUriControlCharacter };
  if (!matchRedirectUri(client.redirectUris, redirectUri, client.applicationType)) return { ok: false, client, error: "invalid_request", description: M.redirectUriInvalid };
  return { ok: true, client, redirectUri };
}
