import type { ResponseMode, ResponseTypeName } from "../../pending-authorizations/authorize-params";

/** Where an authorization error goes back to the client (the redirect URI is trusted by now). */
export type Delivery = { redirectUri: string; responseMode: ResponseMode; state: string | null };

/** An error returned to the client through its response mode (RFC 6749 4.1.2.1, OIDC Core 3.1.2.6). */
export type AuthorizeError = { error: string; description: string };

export const includesTokens = (types: readonly ResponseTypeName[]) => types.includes("token") || types.includes("id_token");
