import { RESPONSE_MODES, RESPONSE_TYPE_NAMES, type ResponseMode, type ResponseTypeName } from "../../pending-authorizations/authorize-params";
import { includesTokens, type Delivery } from "./authorize-types";

/**
 * `response_type` as a list in canonical order (code, token, id_token), or null when it is not a
 * space-separated combination of known, unrepeated values (OAuth 2.0 Multiple Response Types 3).
 */
export function parseResponseType(value: string | undefined): ResponseTypeName[] | null {
  if (!value) return null;
  const parts = value.split(" ");
  if (parts.some((part) => !(RESPONSE_TYPE_NAMES as readonly string[]).includes(part)) || new Set(parts).size !== parts.length) return null;
  return RESPONSE_TYPE_NAMES.filter((name) => parts.includes(name));
}

export function isResponseMode(value: string | undefined): value is ResponseMode {
  return value !== undefined && (RESPONSE_MODES as readonly string[]).includes(value);
}

/** Spec: `fragment` when tokens are returned (implicit, hybrid), `query` for the code flow. */
export function defaultResponseMode(types: readonly ResponseTypeName[]): ResponseMode {
  return includesTokens(types) ? "fragment" : "query";
}

/**
 * Spec: "If id_token or token is specified as the response_type, then query isn't allowed"
 * (OAuth 2.0 Multiple Response Types 5: tokens never travel in a query string). okta_post_message
 * posts to the redirect URI's origin, so it needs an http(s) one.
 */
export function responseModeProblem(mode: ResponseMode, types: readonly ResponseTypeName[], redirectUri: string): "query_with_tokens" | "post_message_scheme" | null {
  if (mode === "query" && includesTokens(types)) return "query_with_tokens";
  if (mode === "okta_post_message" && !/^https?:\/\//i.test(redirectUri)) return "post_message_scheme";
  return null;
}

/**
 * How an error reaches the client once its redirect URI is trusted: the requested response mode
 * when it is valid for the response type, otherwise the default for the response type (query when
 * the response type itself is unusable), with the request's state.
 */
export function resolveDelivery(values: ReadonlyMap<string, string>, redirectUri: string): Delivery {
  const types = parseResponseType(values.get("response_type")) ?? [];
  const requested = values.get("response_mode");
  const fallback = types.length > 0 ? defaultResponseMode(types) : "query";
  const responseMode = isResponseMode(requested) && !responseModeProblem(requested, types, redirectUri) ? requested : fallback;
  return { redirectUri, responseMode, state: values.get("state") ?? null };
}
