import { discoveryEndpoint } from "../discovery/discovery-endpoint";
import { keysEndpoint } from "../keys/keys-endpoint";
import type { OAuthEndpointOptions, OAuthOperation } from "./handle-oauth-request";

/** How the cacheable documents are answered: CORS for trusted origins, the documents' own caching. */
export const DOCUMENT_ENDPOINT_OPTIONS: OAuthEndpointOptions = { cors: true };

/**
 * The per-server documents, by their path under /oauth2/:authServerId/: served by their route
 * handlers and, in `npm start`'s server, by the fast path in front of Next.js (same operation).
 */
export const DOCUMENT_ENDPOINTS: Readonly<Record<string, OAuthOperation>> = {
  ".well-known/openid-configuration": discoveryEndpoint("openid-configuration"),
  ".well-known/oauth-authorization-server": discoveryEndpoint("oauth-authorization-server"),
  "v1/keys": keysEndpoint,
};

const DOCUMENT_PATH = /^\/oauth2\/([^/]+)\/(\.well-known\/openid-configuration|\.well-known\/oauth-authorization-server|v1\/keys)$/;

/** The document endpoint a request path names, with its server id; null for any other path. */
export function matchDocumentEndpoint(pathname: string): { operation: OAuthOperation; authServerId: string } | null {
  const match = DOCUMENT_PATH.exec(pathname);
  if (!match) return null;
  const operation = DOCUMENT_ENDPOINTS[match[2]!];
  let authServerId: string;
  try {
    authServerId = decodeURIComponent(match[1]!);
  } catch {
    return null; // malformed escapes: let Next.js answer
  }
  return operation ? { operation, authServerId } : null;
}
