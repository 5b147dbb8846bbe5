import type { AppContext } from "../../app-context";
import type { TokenEndpointAuthMethod } from "../../apps/client-metadata";
import { loadClientForAuth } from "../../apps/load-client-for-auth";
import { secretMatches } from "../../apps/secret-matches";
import type { OAuthClient } from "../../apps/oauth-client";
import { invalidClient } from "../errors/oauth-error";
import type { OAuthRequest } from "../request/oauth-request";
import { assertionAudiences, type ClientAuthEndpoint } from "./assertion-audiences";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";
import { readClientCredentials } from "./read-client-credentials";
import { verifyClientAssertion } from "./verify-client-assertion";

export type AuthenticatedClient = {
  client: OAuthClient;
  /** the method the request actually used */
  method: TokenEndpointAuthMethod;
};

export type ClientAuthOptions = {
  endpoint: ClientAuthEndpoint;
  /**
   * The token endpoint URL of the authorization server called (e.g. ORG_URL/oauth2/default/v1/token,
   * ORG_URL/oauth2/v1/token for the org server) and its issuer. A client assertion's `aud` must be
   * the URL of the endpoint invoked, this token endpoint URL or the issuer (see assertionAudiences).
   */
  tokenEndpointUrl: string;
  issuer: string;
};

/** Methods a client registered with `registered` may use: Basic and post are one family (see below). */
function accepts(registered: TokenEndpointAuthMethod, used: "client_secret_basic" | "client_secret_post" | "none"): boolean {
  if (used === "none") return registered === "none";
  return registered === "client_secret_basic" || registered === "client_secret_post";
}

/**
 * Client authentication for /v1/token, /v1/introspect and /v1/revoke (RFC 6749 2.3, RFC 7521/7523,
 * Okta's "Token Authentication Methods"). Returns the ACTIVE client and the method it used, or
 * throws an OAuthError:
 * - 400 invalid_request: a malformed Basic header, more than one kind of credentials, a client_id
 *   parameter naming another client, client_secret without client_id, an incomplete or unknown
 *   client assertion type;
 * - 401 invalid_client (WWW-Authenticate: Basic): no credentials, a non-Basic Authorization
 *   header, an unknown or INACTIVE client, a wrong secret, a method the client is not registered
 *   for, an invalid, expired or replayed assertion.
 *
 * The registered token_endpoint_auth_method decides, with one allowance: a client registered for
 * client_secret_basic may send its secret in the body and vice versa, as Okta accepts (its SDKs
 * rely on it: oidc-middleware sends Basic, openid-client 6 and okta-auth-js send client_secret_post,
 * all against apps that default to client_secret_basic). client_secret_jwt, private_key_jwt and
 * none must be used exactly as registered.
 *
 * Cost (client_secret_basic/post, none): no query once the client is cached (loadClientForAuth:
 * changes reach this instance at once, other instances within a second); a secret the cached entry
 * does not know costs one fresh read before it is refused (it may have been created a moment ago on
 * another instance); assertions read the client and decrypt its secrets or parse its keys
 * (cached), plus one insert for the jti. Secrets are compared by SHA-256 in constant time (no KDF).
 */
export async function authenticateClient(app: AppContext, request: OAuthRequest, params: Map<string, string>, options: ClientAuthOptions): Promise<AuthenticatedClient> {
  const presented = readClientCredentials(request.headers.get("authorization"), params);

  if (presented.kind === "assertion") {
    return verifyClientAssertion(app, presented.assertion, presented.clientId, assertionAudiences(options.endpoint, options.tokenEndpointUrl, options.issuer));
  }

  const now = app.now();
  const loaded = await loadClientForAuth(app.db, presented.clientId, now);
  if (!loaded) throw invalidClient(CLIENT_AUTH_MESSAGES.unknownClient);
  const { client } = loaded;

  if (presented.kind === "none") {
    if (!accepts(client.tokenEndpointAuthMethod, "none")) throw invalidClient(CLIENT_AUTH_MESSAGES.authenticationFailed);
    return { client, method: "none" };
  }

  if (!accepts(client.tokenEndpointAuthMethod, presented.method)) throw invalidClient(CLIENT_AUTH_MESSAGES.authenticationFailed);
  if (presented.secrets.some((secret) => secretMatches(secret, loaded.secretHashes))) return { client, method: presented.method };
  const fresh = await loadClientForAuth(app.db, presented.clientId, now, { fresh: true });
  if (fresh && accepts(fresh.client.tokenEndpointAuthMethod, presented.method) && presented.secrets.some((secret) => secretMatches(secret, fresh.secretHashes))) {
    return { client: fresh.client, method: presented.method };
  }
  throw invalidClient(CLIENT_AUTH_MESSAGES.invalidSecret);
}
