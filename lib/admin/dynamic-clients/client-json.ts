import type { App } from "../../db/generated/sqlite/client";
import { toOAuthClient } from "../../apps/oauth-client";

/**
 * An app as RFC 7591/7592 client metadata, as Okta's /oauth2/v1/clients answers. `clientSecret`
 * is shown only by create, replace and newSecret (Okta: "shown only on the response of the
 * creation or update of a client"); client_secret_expires_at (0: never) only for clients with one.
 */
export function clientJson(app: App, clientSecret: string | null) {
  const client = toOAuthClient(app);
  const stored = (app.oauthSettings ?? {}) as Record<string, unknown>;
  const optional: Record<string, unknown> = {};
  if (client.postLogoutRedirectUris.length) optional.post_logout_redirect_uris = client.postLogoutRedirectUris;
  if (client.initiateLoginUri) optional.initiate_login_uri = client.initiateLoginUri;
  for (const name of ["tos_uri", "policy_uri"]) if (typeof stored[name] === "string") optional[name] = stored[name];
  if (client.jwks) optional.jwks = client.jwks;
  return {
    client_id: app.clientId,
    client_id_issued_at: Math.floor(app.created.getTime() / 1000),
    ...(clientSecret !== null ? { client_secret: clientSecret } : {}),
    ...(client.usesClientSecret ? { client_secret_expires_at: 0 } : {}),
    client_name: app.label,
    client_uri: client.clientUri,
    logo_uri: client.logoUri,
    application_type: client.applicationType,
    redirect_uris: client.redirectUris,
    response_types: client.responseTypes,
    grant_types: client.grantTypes,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    ...optional,
  };
}
