/** Okta's System Log event types of an authorization request (the authorize endpoint and the hosted consent page). */
export const AUTHORIZE_EVENTS = {
  /** the request's outcome: refused (FAILURE/DENY), or sent to sign-in or consent (CHALLENGE) */
  authorize: "app.oauth2.as.authorize",
  code: "app.oauth2.as.authorize.code",
  accessToken: "app.oauth2.as.authorize.implicit.access_token",
  idToken: "app.oauth2.as.authorize.implicit.id_token",
  consentGrant: "app.oauth2.as.consent.grant",
} as const;
