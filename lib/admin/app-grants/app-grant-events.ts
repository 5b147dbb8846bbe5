/** The System Log event types of app grants (Okta's consent grant events of the org authorization server). */
export const APP_GRANT_EVENTS = { grant: "app.oauth2.as.consent.grant", revoke: "app.oauth2.as.consent.revoke" } as const;
