/** The purposes a trusted origin can serve (Okta's TrustedOriginScopeType). */
export const ORIGIN_SCOPES = ["CORS", "REDIRECT", "IFRAME_EMBED"] as const;

export type OriginScope = (typeof ORIGIN_SCOPES)[number];

/** The TrustedOrigin column that records each scope. */
export const ORIGIN_SCOPE_COLUMN = { CORS: "cors", REDIRECT: "redirect", IFRAME_EMBED: "iframeEmbed" } as const satisfies Record<OriginScope, string>;

/** The scope columns of a trusted origin that serves `scopes` (each column true when its scope is listed). */
export function originScopeColumns(scopes: readonly OriginScope[]): Record<(typeof ORIGIN_SCOPE_COLUMN)[OriginScope], boolean> {
  const types = new Set(scopes);
  return { cors: types.has("CORS"), redirect: types.has("REDIRECT"), iframeEmbed: types.has("IFRAME_EMBED") };
}

/** What an admin gives to create or replace a trusted origin (the origin normalised by normalizeOrigin). */
export type TrustedOriginFields = { name: string; origin: string; scopes: readonly OriginScope[] };
