import type { OAuthClient } from "./oauth-client";

/**
 * Whether a client may use grant_type=client_credentials once it has registered the grant.
 * RFC 6749 4.4: "The client credentials grant type MUST only be used by confidential clients."
 * Okta lets a `web` app register it too ("client acting on behalf of itself"), so every
 * confidential client (web or service) may; a public client never (it has no credentials).
 */
export function mayUseClientCredentials(client: Pick<OAuthClient, "isConfidential">): boolean {
  return client.isConfidential;
}
