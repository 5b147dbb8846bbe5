/**
 * The error_description texts of client authentication. Where Okta's own wording is known it is
 * used verbatim (source in the comment); the rest are ours, in the same style.
 */
export const CLIENT_AUTH_MESSAGES = {
  /** Okta: the spec's error example for /token, /introspect and /revoke (401 invalid_client). */
  noCredentials: "No client credentials found.",
  /** Okta: support.okta.com "Invalid_Client Error Returned When Requesting OAuth Token(s)"; 401 for an unknown client_id at /token. */
  unknownClient: "Invalid value for 'client_id' parameter.",
  /** Okta: same support article (a wrong client_secret). */
  invalidSecret: "The client secret supplied for a confidential client is invalid.",
  /** Okta: same support article (credentials that do not fit the client, e.g. the wrong authentication method). */
  authenticationFailed: "Client authentication failed. Either the client or the client credentials are invalid.",
  /** Okta: returned as invalid_request when a request carries two kinds of credentials (github.com/boylesoftware/tomcat-oidcauth/issues/6, open-webui/open-webui/issues/19415). */
  multipleCredentials:
    "Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.",
  /** Okta: zitadel/oidc/issues/635 (an unknown client_assertion_type). */
  assertionTypeInvalid: "The client_assertion_type is invalid.",
  /** Okta: okta-sdk-python/issues/382, okta-sdk-dotnet/pull/489 (exp more than one hour ahead). */
  assertionExpTooFar: "The client_assertion token has an expiration too far into the future.",
  /** Okta: quoted in a mock of Okta's token endpoint (exp in the past). */
  assertionExpired: "The client_assertion token is expired.",
  /** Okta: facile-it/php-openid-client/pull/25 (aud other than the endpoint called). */
  assertionAudience: "The audience claim for client_assertion must be the endpoint invoked for the request.",
  /** Okta: okta-sdk-python/issues/289, support.okta.com "okta-client-assertion-error-invalid-key-id". */
  assertionKid: "The client_assertion JWT kid is invalid.",
  /** Okta: quoted in client code that handles Okta's answer to a replayed jti. */
  assertionReplayed: "The client_assertion token has already been used.",
  /** Seen in a third-party fake of Okta's token endpoint; not confirmed against Okta. */
  assertionSignature: "The client_assertion signature is invalid.",
  // Ours (no Okta wording found):
  headerMalformed: "The Basic authorization header is malformed.",
  headerScheme: "Client credentials in the Authorization header must use the Basic scheme.",
  clientIdMismatch: "The client_id parameter does not match the client authenticated by the request.",
  secretWithoutClientId: "The client_id parameter is required with client_secret.",
  assertionIncomplete: "The client_assertion and client_assertion_type parameters must be sent together.",
  assertionMalformed: "The client_assertion is not a valid signed JWT.",
  assertionSubject: "The client_assertion must carry the client_id as both its issuer (iss) and subject (sub).",
  assertionAlgorithm: (allowed: readonly string[]) => `The client_assertion must be signed with one of: ${allowed.join(", ")}.`,
  assertionExpMissing: "The client_assertion token must have an expiration time (exp).",
  assertionIatFuture: "The client_assertion token has an issued at time (iat) in the future.",
  assertionNotYetValid: "The client_assertion token is not valid yet (nbf).",
  assertionClaimType: (claim: string) => `The '${claim}' claim of the client_assertion has an invalid type.`,
} as const;
