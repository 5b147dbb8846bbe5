/**
 * The grant types this server implements, declared once and in the order discovery lists them
 * (spec: "Well-known OpenID Configuration", grant_types_supported): what a client registration may
 * name (lib/apps), what a policy rule may name (lib/admin/policy-rules), what a bootstrapped rule
 * allows. Okta's device, token-exchange, SAML and MFA grants are not implemented.
 */
export const GRANT_TYPES = ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** The grants the token endpoint implements (implicit is an /authorize flow only). */
export type TokenGrantType = Exclude<GrantType, "implicit">;
