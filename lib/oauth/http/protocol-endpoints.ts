import { discoveryEndpoint } from "../discovery/discovery-endpoint";
import { introspectEndpoint } from "../introspect/introspect-endpoint";
import { keysEndpoint } from "../keys/keys-endpoint";
import { revokeEndpoint } from "../revoke/revoke-endpoint";
import { tokenEndpoint } from "../token/token-endpoint";
import { userinfoEndpoint } from "../userinfo/userinfo-endpoint";
import { ORG_SERVER_PARAMS } from "../snapshot/org-authorization-server";
import type { OAuthEndpointOptions, OAuthOperation } from "./handle-oauth-request";

export type ProtocolEndpoint = {
  /** the operation per method (HEAD is GET without a body, as Next.js does) */
  methods: Readonly<Partial<Record<"GET" | "POST", OAuthOperation>>>;
  options: OAuthEndpointOptions;
};

/** The cacheable documents: CORS for trusted origins, their own caching headers. */
const DOCUMENT: OAuthEndpointOptions = { cors: true };
/** RFC 6749 5.1 and RFC 7662/7009: never cached; CORS for trusted origins (okta-auth-js calls them from the browser). */
const NO_STORE: OAuthEndpointOptions = { cors: true, noStore: true };

/**
 * The per-server protocol endpoints, by their path under /oauth2/:authServerId/ (all but /authorize
 * and /logout, which render pages and set cookies); the org authorization server has the same ones
 * at /.well-known/* and /oauth2/v1/* (its issuer is ORG_URL). Each is answered by its route handler
 * and, in `npm start`'s server, by the fast path in front of Next.js: the same operation with the
 * same options either way (lib/cli/protocol-fast-path.ts).
 */
export const PROTOCOL_ENDPOINTS = {
  ".well-known/openid-configuration": { methods: { GET: discoveryEndpoint("openid-configuration") }, options: DOCUMENT },
  ".well-known/oauth-authorization-server": { methods: { GET: discoveryEndpoint("oauth-authorization-server") }, options: DOCUMENT },
  "v1/keys": { methods: { GET: keysEndpoint }, options: DOCUMENT },
  "v1/token": { methods: { POST: tokenEndpoint }, options: NO_STORE },
  "v1/introspect": { methods: { POST: introspectEndpoint }, options: NO_STORE },
  "v1/revoke": { methods: { POST: revokeEndpoint }, options: NO_STORE },
  "v1/userinfo": { methods: { GET: userinfoEndpoint, POST: userinfoEndpoint }, options: NO_STORE },
} as const satisfies Record<string, ProtocolEndpoint>;

export type ProtocolEndpointPath = keyof typeof PROTOCOL_ENDPOINTS;

/**
 * The path parameters of the org authorization server's routes, which name no server in their path
 * (the endpoints read them with requestedServerId).
 */
export { ORG_SERVER_PARAMS };

const PROTOCOL_PATH = /^\/oauth2\/([^/]+)\/(\.well-known\/openid-configuration|\.well-known\/oauth-authorization-server|v1\/keys|v1\/token|v1\/introspect|v1\/revoke|v1\/userinfo)$/;
/** The org server's: its metadata at the root, its endpoints under /oauth2. */
const ORG_PROTOCOL_PATH = /^(?:\/(\.well-known\/openid-configuration|\.well-known\/oauth-authorization-server)|\/oauth2\/(v1\/keys|v1\/token|v1\/introspect|v1\/revoke|v1\/userinfo))$/;

/** The protocol endpoint a request path names, with the path parameters naming its server; null for any other path. */
export function matchProtocolEndpoint(pathname: string): { endpoint: ProtocolEndpoint; params: Readonly<Record<string, string>> } | null {
  const org = ORG_PROTOCOL_PATH.exec(pathname);
  if (org) return { endpoint: PROTOCOL_ENDPOINTS[(org[1] ?? org[2]) as ProtocolEndpointPath], params: ORG_SERVER_PARAMS };
  const match = PROTOCOL_PATH.exec(pathname);
  if (!match) return null;
  let authServerId: string;
  try {
    authServerId = decodeURIComponent(match[1]!);
  } catch {
    return null; // malformed escapes: let Next.js answer
  }
  return { endpoint: PROTOCOL_ENDPOINTS[match[2] as ProtocolEndpointPath], params: { authServerId } };
}
