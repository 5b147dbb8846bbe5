/** Okta's System Log event types of the token endpoint (userinfo writes its claim warnings as `claim`). */
export const TOKEN_EVENTS = {
  accessToken: "app.oauth2.as.token.grant.access_token",
  refreshToken: "app.oauth2.as.token.grant.refresh_token",
  idToken: "app.oauth2.as.token.grant.id_token",
  /** a custom claim left out of a token */
  claim: "app.oauth2.as.evaluate.claim",
  /** the password grant locked a user out */
  userLock: "user.account.lock",
} as const;

/** Okta's System Log event type for a token revocation (the revocation endpoint, the admin API). */
export const TOKEN_REVOKE_EVENT = "app.oauth2.as.token.revoke";
