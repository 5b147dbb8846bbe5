/**
 * The token endpoint's error_description texts. Okta's wording where it is known (source in the
 * comment); the rest are ours, in the same style.
 */
export const TOKEN_MESSAGES = {
  /** Okta: quoted in okta-signin-widget tests and many client READMEs (unauthorized_client). */
  grantNotConfigured: (grants: readonly string[]) => `The client is not authorized to use the provided grant type. Configured grant types: [${grants.join(", ")}].`,
  /** RFC 6749 5.2's description of unsupported_grant_type, as Okta answers an unknown grant_type. */
  unsupportedGrantType: "The authorization grant type is not supported by the authorization server.",
  /** Okta: the answer to a wrong password, an unknown or a locked-out user (password grant). */
  invalidCredentials: "The credentials provided were invalid.",
  /** Ours: 429 slow_down when a username or an address used up its sign-in budget (lib/signin). */
  tooManySignInAttempts: "Too many sign-in attempts. Wait before trying again.",
  /** access_denied for a user the app's authentication policy (ACCESS_POLICY) denies (Okta's generic description). */
  appPolicyDenied: "The resource owner or authorization server denied the request.",
  /** Okta: access_denied for a user who is not assigned to the app. */
  userNotAssigned: "User is not assigned to the client application.",
  /** Okta: invalid_grant for an unknown, used, expired or foreign authorization code. */
  invalidCode: "The authorization code is invalid or has expired.",
  /** Okta: invalid_grant for a redirect_uri other than the authorization request's. */
  redirectUriMismatch: "The 'redirect_uri' does not match the redirection URI used in the authorization request.",
  /** Okta: invalid_grant when the code_verifier does not match the code_challenge. */
  pkceFailed: "PKCE verification failed.",
  /** Okta (okta-auth-js relies on this exact text to drop a stored refresh token): every refresh failure. */
  refreshInvalid: "The refresh token is invalid or expired.",
  /** Okta (invalid_client; quoted by clients of the org authorization server): client_credentials there needs a key. */
  orgClientCredentialsNeedsPrivateKeyJwt: "Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method",
  // Ours (no Okta wording found):
  parameterRequired: (name: string) => `The '${name}' parameter is required.`,
  clientCredentialsConfidentialOnly: "The client_credentials grant is only available to confidential clients.",
  pkceVerifierMissing: "The 'code_verifier' parameter is required: the authorization request used PKCE.",
  pkceVerifierUnexpected: "A 'code_verifier' was sent, but the authorization request had no code_challenge.",
  pkceVerifierMalformed: "The 'code_verifier' must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'.",
  pkceRequired: "PKCE is required for this client, but the authorization request had no code_challenge.",
  refreshScopeBroader: "The requested scopes must be a subset of the scopes granted to the refresh token.",
} as const;
