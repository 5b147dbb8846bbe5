import { invalidClient, invalidRequest } from "../errors/oauth-error";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";
import { parseBasicAuthorization } from "./parse-basic-authorization";

export const JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** What a request presents to authenticate its client, before anything is looked up. */
export type PresentedCredentials =
  /** client_secret_basic or client_secret_post: `secrets` are the readings of the one secret sent, most likely first */
  | { kind: "secret"; method: "client_secret_basic" | "client_secret_post"; clientId: string; secrets: string[] }
  /** a public client: client_id in the body, or Basic with the client_id alone */
  | { kind: "none"; clientId: string }
  /** client_secret_jwt or private_key_jwt (which one depends on the client); clientId is the client_id parameter, if sent */
  | { kind: "assertion"; clientId: string | null; assertion: string };

/**
 * Which client authentication a token, introspection or revocation request uses (RFC 6749 2.3,
 * RFC 7521 4.2, RFC 7523 2.2), from its Authorization header and form parameters. Exactly one of
 * the Basic header, `client_secret` and `client_assertion` may be present (Okta: "Use only one of
 * these methods in a single request", otherwise invalid_request); a `client_id` parameter may
 * accompany any of them but must then name the same client (invalid_request otherwise). With none
 * of the three, a `client_id` alone is a public client (method `none`); nothing at all is
 * 401 invalid_client "No client credentials found.".
 */
export function readClientCredentials(authorization: string | null, params: Map<string, string>): PresentedCredentials {
  const basic = authorization !== null && authorization.trim() !== "" ? parseBasicAuthorization(authorization) : null;
  const clientId = params.get("client_id") ?? null;
  const secret = params.get("client_secret") ?? null;
  const assertion = params.get("client_assertion") ?? null;
  const assertionType = params.get("client_assertion_type") ?? null;

  if ((assertion === null) !== (assertionType === null)) throw invalidRequest(CLIENT_AUTH_MESSAGES.assertionIncomplete);
  if ([basic, secret, assertion].filter((value) => value !== null).length > 1) throw invalidRequest(CLIENT_AUTH_MESSAGES.multipleCredentials);

  if (basic) {
    if (clientId !== null && clientId !== basic.clientId) throw invalidRequest(CLIENT_AUTH_MESSAGES.clientIdMismatch);
    return basic.secrets === null
      ? { kind: "none", clientId: basic.clientId }
      : { kind: "secret", method: "client_secret_basic", clientId: basic.clientId, secrets: basic.secrets };
  }
  if (secret !== null) {
    if (clientId === null) throw invalidRequest(CLIENT_AUTH_MESSAGES.secretWithoutClientId);
    return { kind: "secret", method: "client_secret_post", clientId, secrets: [secret] };
  }
  if (assertion !== null) {
    if (assertionType !== JWT_BEARER_ASSERTION_TYPE) throw invalidRequest(CLIENT_AUTH_MESSAGES.assertionTypeInvalid);
    return { kind: "assertion", clientId, assertion };
  }
  if (clientId !== null) return { kind: "none", clientId };
  throw invalidClient(CLIENT_AUTH_MESSAGES.noCredentials);
}
