import {
  APPLICATION_TYPES,
  CONSENT_METHODS,
  RESPONSE_TYPES,
  TOKEN_ENDPOINT_AUTH_METHODS,
  type ApplicationType,
  type ClientMetadata,
  type ClientMetadataInput,
  type ConsentMethod,
  type MetadataError,
  type PublicJwks,
  type ResponseType,
  type TokenEndpointAuthMethod,
} from "./client-metadata";
import { GRANT_TYPES, type GrantType } from "../oauth/grant-types";
import { validateJwks } from "./validate-jwks";
import { MAX_URI_LENGTH, validateRedirectUri } from "./validate-redirect-uri";

const MAX_REDIRECT_URIS = 100;

const TYPE_NAME: Record<ApplicationType, string> = { web: "Web", browser: "Browser", native: "Native", service: "Service" };

/** Grants each application type may use. `implicit` and `password` are never defaulted. */
const ALLOWED_GRANTS: Record<ApplicationType, readonly GrantType[]> = {
  web: ["authorization_code", "implicit", "refresh_token", "client_credentials", "password"],
  browser: ["authorization_code", "implicit", "refresh_token"],
  native: ["authorization_code", "implicit", "refresh_token", "password"],
  service: ["client_credentials"],
};
const DEFAULT_GRANTS: Record<ApplicationType, GrantType[]> = {
  web: ["authorization_code"],
  browser: ["authorization_code"],
  native: ["authorization_code"],
  service: ["client_credentials"],
};
const DEFAULT_AUTH_METHOD: Record<ApplicationType, TokenEndpointAuthMethod> = {
  web: "client_secret_basic",
  browser: "none",
  native: "none",
  service: "client_secret_basic",
};

export type MetadataDefaults = {
  /** Apps API: TRUSTED; dynamic client registration: REQUIRED (as Okta) */
  consentMethod: ConsentMethod;
};

export type MetadataResult = { ok: true; value: ClientMetadata } | { ok: false; errors: MetadataError[] };

const absent = (value: unknown) => value === undefined || value === null;

/** Reads the raw values' types; every type error is reported before any rule is checked. */
function readInput(input: ClientMetadataInput, errors: MetadataError[]) {
  const fail = (field: string, message: string) => {
    errors.push({ field, message });
    return undefined;
  };
  const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T | undefined => {
    if (absent(value)) return undefined;
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    return fail(field, `Must be one of ${allowed.join(", ")}.`);
  };
  const strings = (field: string, value: unknown): string[] | undefined => {
    if (absent(value)) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) return fail(field, "Must be an array of strings.");
    if (value.length > MAX_REDIRECT_URIS) return fail(field, `At most ${MAX_REDIRECT_URIS} values are allowed.`);
    return value as string[];
  };
  const members = <T extends string>(field: string, value: unknown, allowed: readonly T[], noun: string): T[] | undefined => {
    const list = strings(field, value);
    if (!list) return undefined;
    const unknown = list.filter((item) => !(allowed as readonly string[]).includes(item));
    if (unknown.length) return fail(field, `${unknown.map((item) => `'${item}'`).join(", ")} ${unknown.length > 1 ? "are not supported" : "is not a supported"} ${noun}${unknown.length > 1 ? "s" : ""}. Supported: ${allowed.join(", ")}.`);
    return [...new Set(list)] as T[];
  };
  const uri = (field: string, value: unknown): string | null | undefined => {
    if (absent(value)) return null;
    if (typeof value !== "string" || value.length > MAX_URI_LENGTH) return fail(field, `Must be a URI of at most ${MAX_URI_LENGTH} characters.`);
    return value;
  };
  const bool = (field: string, value: unknown): boolean | undefined => {
    if (absent(value)) return undefined;
    return typeof value === "boolean" ? value : fail(field, "Must be true or false.");
  };
  return {
    applicationType: oneOf("application_type", input.application_type, APPLICATION_TYPES),
    redirectUris: strings("redirect_uris", input.redirect_uris),
    postLogoutRedirectUris: strings("post_logout_redirect_uris", input.post_logout_redirect_uris),
    grantTypes: members("grant_types", input.grant_types, GRANT_TYPES, "grant type"),
    responseTypes: members("response_types", input.response_types, RESPONSE_TYPES, "response type"),
    tokenEndpointAuthMethod: oneOf("token_endpoint_auth_method", input.token_endpoint_auth_method, TOKEN_ENDPOINT_AUTH_METHODS),
    pkceRequired: bool("pkce_required", input.pkce_required),
    consentMethod: oneOf("consent_method", input.consent_method, CONSENT_METHODS),
    issuerMode: absent(input.issuer_mode) || input.issuer_mode === "ORG_URL" ? undefined : fail("issuer_mode", "Only ORG_URL is supported."),
    clientUri: uri("client_uri", input.client_uri),
    logoUri: uri("logo_uri", input.logo_uri),
    initiateLoginUri: uri("initiate_login_uri", input.initiate_login_uri),
    tosUri: uri("tos_uri", input.tos_uri),
    policyUri: uri("policy_uri", input.policy_uri),
    jwksUri: absent(input.jwks_uri) ? undefined : fail("jwks_uri", "jwks_uri is not supported; register the public keys in jwks."),
  };
}

function checkWebUri(field: string, value: string | null | undefined, errors: MetadataError[]) {
  if (!value) return;
  try {
    const url = new URL(value);
    if ((url.protocol === "https:" || url.protocol === "http:") && /^https?:\/\/[^/?#]/i.test(value)) return;
  } catch {
    // reported below
  }
  errors.push({ field, message: `'${value}' must be an absolute http or https URL.` });
}

/**
 * The one validation of an OAuth client registration, for the Apps API and dynamic client
 * registration alike (callers map field names and error shapes). Applies Okta's defaults per
 * application type and real OAuth rules:
 * - grant types per type (service: client_credentials only; browser: no password or
 *   client_credentials); web and native include authorization_code, browser authorization_code or
 *   implicit; refresh_token needs authorization_code or password; implicit and password are only
 *   ever enabled when listed;
 * - response types consistent with grants (code <-> authorization_code, token/id_token <-> implicit);
 * - browser apps are public (none) with PKCE; web and service apps are confidential; a public client
 *   using authorization_code must require PKCE;
 * - redirect URIs as validateRedirectUri, at least one for authorization_code/implicit, none for service;
 * - private_key_jwt needs a public JWK set.
 */
export function validateClientMetadata(input: ClientMetadataInput, defaults: MetadataDefaults): MetadataResult {
  const errors: MetadataError[] = [];
  const raw = readInput(input, errors);
  const jwksResult = absent(input.jwks) ? null : validateJwks(input.jwks);
  if (jwksResult && "errors" in jwksResult) errors.push(...jwksResult.errors);
  if (errors.length) return { ok: false, errors };
  const fail = (field: string, message: string) => errors.push({ field, message });

  const type = raw.applicationType ?? "web";
  const typeName = TYPE_NAME[type];
  const grants = raw.grantTypes ?? DEFAULT_GRANTS[type];
  const has = (grant: GrantType) => grants.includes(grant);

  // Grant types
  if (grants.length === 0) fail("grant_types", "At least one grant type is required.");
  const forbidden = grants.filter((grant) => !ALLOWED_GRANTS[type].includes(grant));
  if (type === "service" && (forbidden.length || !has("client_credentials"))) {
    fail("grant_types", "Service applications support only the client_credentials grant.");
  } else {
    for (const grant of forbidden) fail("grant_types", `${typeName} applications cannot use the ${grant} grant.`);
    if ((type === "web" || type === "native") && grants.length && !has("authorization_code")) {
      fail("grant_types", `${typeName} applications must include the authorization_code grant.`);
    }
    if (type === "browser" && grants.length && !has("authorization_code") && !has("implicit")) {
      fail("grant_types", "Browser applications must include the authorization_code or implicit grant.");
    }
  }
  if (has("refresh_token") && !has("authorization_code") && !has("password")) {
    fail("grant_types", "The refresh_token grant requires the authorization_code or password grant.");
  }

  // Response types
  const responses: ResponseType[] =
    raw.responseTypes ??
    (type === "service" ? ["token"] : [...(has("authorization_code") ? (["code"] as const) : []), ...(has("implicit") ? (["token", "id_token"] as const) : [])]);
  if (type === "service") {
    if (responses.some((response) => response !== "token")) fail("response_types", "Service applications support only the 'token' response type.");
  } else {
    if (responses.includes("code") && !has("authorization_code")) fail("response_types", "The 'code' response type requires the authorization_code grant.");
    for (const response of responses.filter((r) => r !== "code")) {
      if (!has("implicit")) fail("response_types", `The '${response}' response type requires the implicit grant, which must be listed in grant_types.`);
    }
    if (has("authorization_code") && !responses.includes("code")) fail("response_types", "The authorization_code grant requires the 'code' response type.");
    if (has("implicit") && !responses.includes("token") && !responses.includes("id_token")) {
      fail("response_types", "The implicit grant requires the 'token' or 'id_token' response type.");
    }
  }

  // Client authentication and PKCE
  const method = raw.tokenEndpointAuthMethod ?? DEFAULT_AUTH_METHOD[type];
  if (type === "browser" && method !== "none") {
    fail("token_endpoint_auth_method", "Browser applications are public clients: token_endpoint_auth_method must be none.");
  }
  if ((type === "web" || type === "service") && method === "none") {
    fail("token_endpoint_auth_method", `${typeName} applications are confidential clients: token_endpoint_auth_method cannot be none.`);
  }
  const jwks: PublicJwks | null = jwksResult && "jwks" in jwksResult ? jwksResult.jwks : null;
  if (method === "private_key_jwt" && !jwks) fail("jwks", "The private_key_jwt method requires the client's public keys in jwks.");
  const pkceRequired = raw.pkceRequired ?? (type === "browser" || type === "native");
  if (method === "none" && (type === "browser" || type === "native") && has("authorization_code") && !pkceRequired) {
    fail("pkce_required", "Public clients (token_endpoint_auth_method none) must use PKCE: pkce_required must be true.");
  }

  // Redirect URIs
  const redirectUris = raw.redirectUris ?? [];
  const postLogoutRedirectUris = raw.postLogoutRedirectUris ?? [];
  if (type === "service") {
    if (redirectUris.length) fail("redirect_uris", "Service applications cannot have redirect URIs.");
    if (postLogoutRedirectUris.length) fail("post_logout_redirect_uris", "Service applications cannot have post-logout redirect URIs.");
  } else {
    if ((has("authorization_code") || has("implicit")) && redirectUris.length === 0) {
      fail("redirect_uris", "At least one redirect URI is required for the authorization_code and implicit grants.");
    }
    for (const [field, uris] of [["redirect_uris", redirectUris], ["post_logout_redirect_uris", postLogoutRedirectUris]] as const) {
      uris.forEach((uri, index) => {
        const problem = validateRedirectUri(uri, type);
        if (problem) fail(field, problem);
        else if (uris.indexOf(uri) !== index) fail(field, `'${uri}' is listed more than once.`);
      });
    }
  }

  // Other URIs
  for (const [field, value] of [["client_uri", raw.clientUri], ["logo_uri", raw.logoUri], ["tos_uri", raw.tosUri], ["policy_uri", raw.policyUri]] as const) {
    checkWebUri(field, value, errors);
  }
  if (raw.initiateLoginUri) {
    const problem = validateRedirectUri(raw.initiateLoginUri, "web");
    if (problem) fail("initiate_login_uri", problem);
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      applicationType: type,
      redirectUris,
      postLogoutRedirectUris,
      responseTypes: responses,
      grantTypes: grants,
      tokenEndpointAuthMethod: method,
      pkceRequired,
      consentMethod: raw.consentMethod ?? defaults.consentMethod,
      clientUri: raw.clientUri ?? null,
      logoUri: raw.logoUri ?? null,
      initiateLoginUri: raw.initiateLoginUri ?? null,
      tosUri: raw.tosUri ?? null,
      policyUri: raw.policyUri ?? null,
      jwks,
    },
  };
}
