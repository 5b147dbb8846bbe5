import type { App } from "../db/generated/sqlite/client";
import {
  usesClientSecret,
  type ApplicationType,
  type ConsentMethod,
  type PublicJwks,
  type ResponseType,
  type TokenEndpointAuthMethod,
} from "./client-metadata";
import type { GrantType } from "../oauth/grant-types";

/** An app as the token service and the sign-in flow see it. */
export type OAuthClient = {
  appId: string;
  clientId: string;
  label: string;
  /** ACTIVE | INACTIVE */
  status: string;
  applicationType: ApplicationType;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** false only for public clients (token_endpoint_auth_method `none`) */
  isConfidential: boolean;
  /** the method authenticates with a client secret (basic, post, client_secret_jwt) */
  usesClientSecret: boolean;
  pkceRequired: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: GrantType[];
  responseTypes: ResponseType[];
  consentMethod: ConsentMethod;
  initiateLoginUri: string | null;
  clientUri: string | null;
  logoUri: string | null;
  /** public keys for private_key_jwt and signed request objects */
  jwks: PublicJwks | null;
  /** access tokens issued before this instant are no longer valid (the app changed since) */
  lastUpdated: Date;
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Reads an App row (its JSON columns defensively) into an OAuthClient. */
export function toOAuthClient(app: App): OAuthClient {
  const settings = (app.oauthSettings ?? {}) as Record<string, unknown>;
  const method = app.tokenEndpointAuthMethod as TokenEndpointAuthMethod;
  return {
    appId: app.id,
    clientId: app.clientId,
    label: app.label,
    status: app.status,
    applicationType: app.applicationType as ApplicationType,
    tokenEndpointAuthMethod: method,
    isConfidential: method !== "none",
    usesClientSecret: usesClientSecret(method),
    pkceRequired: app.pkceRequired,
    redirectUris: strings(settings.redirect_uris),
    postLogoutRedirectUris: strings(settings.post_logout_redirect_uris),
    grantTypes: strings(settings.grant_types) as GrantType[],
    responseTypes: strings(settings.response_types) as ResponseType[],
    consentMethod: settings.consent_method === "REQUIRED" ? "REQUIRED" : "TRUSTED",
    initiateLoginUri: stringOrNull(settings.initiate_login_uri),
    clientUri: stringOrNull(settings.client_uri),
    logoUri: stringOrNull(settings.logo_uri),
    jwks: (app.jwks as PublicJwks | null) ?? null,
    lastUpdated: app.lastUpdated,
  };
}
