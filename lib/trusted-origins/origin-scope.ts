/** The purposes a trusted origin can serve (Okta's TrustedOriginScopeType). */
export const ORIGIN_SCOPES = ["CORS", "REDIRECT", "IFRAME_EMBED"] as const;

export type OriginScope = (typeof ORIGIN_SCOPES)[number];

/** The TrustedOrigin column that records each scope. */
export const ORIGIN_SCOPE_COLUMN = { CORS: "cors", REDIRECT: "redirect", IFRAME_EMBED: "iframeEmbed" } as const satisfies Record<OriginScope, string>;
