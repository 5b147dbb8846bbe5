import type { GrantType } from "../oauth/grant-types";

/**
 * The OAuth client registration of an OIDC app, shared by the Apps API (/api/v1/apps), dynamic
 * client registration (/oauth2/v1/clients) and the token service. Names follow Okta and RFC 7591.
 */
export const APPLICATION_TYPES = ["web", "browser", "native", "service"] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];


export const RESPONSE_TYPES = ["code", "token", "id_token"] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

export const TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

export const CONSENT_METHODS = ["REQUIRED", "TRUSTED"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A public signing key of the client (private_key_jwt, signed request objects): public members only. */
export type PublicJwk = {
  kty: "RSA" | "EC";
  kid: string;
  use?: "sig";
  alg?: string;
  n?: string;
  e?: string;
  crv?: string;
  x?: string;
  y?: string;
};
export type PublicJwks = { keys: PublicJwk[] };

/** A validated, complete registration (defaults applied). */
export type ClientMetadata = {
  applicationType: ApplicationType;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  responseTypes: ResponseType[];
  grantTypes: GrantType[];
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  pkceRequired: boolean;
  consentMethod: ConsentMethod;
  clientUri: string | null;
  logoUri: string | null;
  initiateLoginUri: string | null;
  tosUri: string | null;
  policyUri: string | null;
  jwks: PublicJwks | null;
};

/** Raw registration values as a caller sent them (RFC 7591 / Okta settings.oauthClient names). */
export type ClientMetadataInput = {
  application_type?: unknown;
  redirect_uris?: unknown;
  post_logout_redirect_uris?: unknown;
  response_types?: unknown;
  grant_types?: unknown;
  token_endpoint_auth_method?: unknown;
  pkce_required?: unknown;
  consent_method?: unknown;
  issuer_mode?: unknown;
  client_uri?: unknown;
  logo_uri?: unknown;
  initiate_login_uri?: unknown;
  tos_uri?: unknown;
  policy_uri?: unknown;
  jwks?: unknown;
  jwks_uri?: unknown;
};

/** One invalid value: `field` is an input name, possibly with a path below it (e.g. "jwks.keys.0"). */
export type MetadataError = { field: string; message: string };

/** The App.oauthSettings column: Okta's settings.oauthClient names. */
export type StoredOAuthSettings = {
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  response_types: ResponseType[];
  grant_types: GrantType[];
  consent_method: ConsentMethod;
  issuer_mode: "ORG_URL";
  client_uri: string | null;
  logo_uri: string | null;
  initiate_login_uri: string | null;
  tos_uri: string | null;
  policy_uri: string | null;
};

/** Methods that authenticate with a client secret (compared by hash, or used as HMAC key). */
export function usesClientSecret(method: string): boolean {
  return method === "client_secret_basic" || method === "client_secret_post" || method === "client_secret_jwt";
}

export function toStoredSettings(metadata: ClientMetadata): StoredOAuthSettings {
  return {
    redirect_uris: metadata.redirectUris,
    post_logout_redirect_uris: metadata.postLogoutRedirectUris,
    response_types: metadata.responseTypes,
    grant_types: metadata.grantTypes,
    consent_method: metadata.consentMethod,
    issuer_mode: "ORG_URL",
    client_uri: metadata.clientUri,
    logo_uri: metadata.logoUri,
    initiate_login_uri: metadata.initiateLoginUri,
    tos_uri: metadata.tosUri,
    policy_uri: metadata.policyUri,
  };
}
