/** The response modes /authorize supports (spec: "Request Parameter Details"). */
export const RESPONSE_MODES = ["query", "fragment", "form_post", "okta_post_message"] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

/** The response types that combine into `response_type` (RFC 6749 3.1.1, OIDC Core 3). */
export const RESPONSE_TYPE_NAMES = ["code", "token", "id_token"] as const;
export type ResponseTypeName = (typeof RESPONSE_TYPE_NAMES)[number];

export const PROMPT_VALUES = ["none", "login", "consent"] as const;
export type PromptValue = (typeof PROMPT_VALUES)[number];

/**
 * A validated authorization request: what the pending authorization stores (JSON) while the user
 * signs in or consents. `sessionToken` is never stored (it is consumed at once).
 */
export type AuthorizeParams = {
  clientId: string;
  /** exactly as sent (and registered) */
  redirectUri: string;
  /** in the canonical order code, token, id_token */
  responseTypes: ResponseTypeName[];
  /** the requested mode, or the default for the response type */
  responseMode: ResponseMode;
  /** null: omitted, which only a PKCE request may do */
  state: string | null;
  /** null: the server's default scopes */
  scopes: string[] | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | null;
  prompt: PromptValue[];
  /** seconds; null when absent */
  maxAge: number | null;
  display: "page" | "popup" | null;
  loginHint: string | null;
  /** `sub` of a valid id_token_hint */
  idTokenHintSub: string | null;
  acrValues: string | null;
  /** OIDC Core 3.1.2.1 ui_locales: the language tags in order of preference, one space apart (the hosted pages' language, negotiateLocale) */
  uiLocales: string | null;
};
