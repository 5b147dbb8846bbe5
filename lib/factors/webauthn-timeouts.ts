/** How long a WebAuthn ceremony may take: the `timeout` the client is given, and the life of its challenge (a little longer, for the round trip). */
export const WEBAUTHN_TIMEOUT_MS = 5 * 60_000;
export const WEBAUTHN_CHALLENGE_LIFETIME_MS = WEBAUTHN_TIMEOUT_MS + 60_000;
/** COSE algorithms accepted (RFC 9053): ES256 and RS256, what Okta offers (EdDSA and others are refused). */
export const WEBAUTHN_ALGORITHMS = [-7, -257];
