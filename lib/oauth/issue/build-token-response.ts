import type { OAuthResponse } from "../request/oauth-request";

export type TokenResponseInput = {
  accessToken: string;
  /** seconds */
  expiresIn: number;
  /** the granted scopes */
  scopes: readonly string[];
  refreshToken?: string | null;
  idToken?: string | null;
};

/**
 * The token endpoint's success answer (RFC 6749 5.1, Okta's response table): 200 with
 * `{token_type: "Bearer", expires_in, access_token, scope, refresh_token?, id_token?}`, `scope`
 * space-separated. The route shell adds Cache-Control: no-store and Pragma: no-cache.
 */
export function buildTokenResponse(input: TokenResponseInput): OAuthResponse {
  return {
    status: 200,
    body: {
      token_type: "Bearer",
      expires_in: input.expiresIn,
      access_token: input.accessToken,
      scope: input.scopes.join(" "),
      ...(input.refreshToken ? { refresh_token: input.refreshToken } : {}),
      ...(input.idToken ? { id_token: input.idToken } : {}),
    },
  };
}
