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
  /**
   * The okta.* scopes an admin granted the app (its ACTIVE AppScopeGrant rows): what the org
   * authorization server may issue it (lib/oauth/policy/okta-scope-grants.ts). Empty when the row
   * was read without them (CLIENT_GRANTS).
   */
  oktaScopeGrants: readonly string[];
};

/** What an App read includes for OAuthClient.oktaScopeGrants (one indexed query by appId). */
export const CLIENT_GRANTS = { scopeGrants: { where: { status: "ACTIVE" }, select: { scopeId: true }, orderBy: { scopeId: "asc" } } } as const;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Reads an App row (its JSON columns defensively) into an OAuthClient. */
export function toOAuthClient(app: App & { scopeGrants?: readonly { scopeId: string }[] }): OAuthClient {
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
    oktaScopeGrants: (app.scopeGrants ?? []).map((grant) => grant.scopeId),
  };
}
