import { invalidClient, invalidRequest } from "../errors/oauth-error";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";

/** Longer headers are not client credentials of ours (ids are at most 100 characters, secrets 256). */
const MAX_HEADER_LENGTH = 4096;
/** Standard base64, padded or not (some clients drop the padding). */
const BASE64 = /^([A-Za-z0-9+/]+)(={0,2})$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export type BasicCredentials = {
  clientId: string;
  /**
   * The ways the secret may be meant, most likely first: RFC 6749 2.3.1 form-decoded, then as sent
   * (okta-auth-js puts `id:secret` into the header without encoding them). Null for the public
   * client form: `base64(client_id)` with no colon (okta-auth-js on /revoke and /introspect), or an
   * empty secret.
   */
  secrets: string[] | null;
};

/** application/x-www-form-urlencoded decoding of one value ('+' is a space); null when malformed. */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

function decodeBase64(value: string): string | null {
  const match = BASE64.exec(value);
  if (!match) return null;
  const [, data = "", padding = ""] = match;
  const remainder = data.length % 4;
  if (padding ? (data.length + padding.length) % 4 !== 0 || padding.length !== 4 - remainder : remainder === 1) return null;
  try {
    return utf8.decode(Buffer.from(data, "base64"));
  } catch {
    return null;
  }
}

/**
 * `Authorization: Basic base64(form(client_id) ":" form(client_secret))` (RFC 6749 2.3.1; RFC 7617
 * scheme name case-insensitive). The id and the secret are split at the first colon, as a
 * form-encoded id cannot contain one while a secret may. A scheme other than Basic is
 * invalid_client; a header that is not valid base64 of UTF-8 text, an empty or badly
 * percent-encoded client id, or control characters are invalid_request ("the basic authentication
 * header was malformed", Okta's /token errors). A secret whose percent-encoding is broken is only
 * tried as sent.
 */
export function parseBasicAuthorization(header: string): BasicCredentials {
  const value = header.trim();
  const space = value.search(/\s/);
  const scheme = space === -1 ? value : value.slice(0, space);
  if (scheme.toLowerCase() !== "basic") throw invalidClient(CLIENT_AUTH_MESSAGES.headerScheme);
  const token = space === -1 ? "" : value.slice(space + 1).trim();
  const decoded = token.length <= MAX_HEADER_LENGTH ? decodeBase64(token) : null;
  if (decoded === null || CONTROL.test(decoded)) throw invalidRequest(CLIENT_AUTH_MESSAGES.headerMalformed);
  const colon = decoded.indexOf(":");
  const clientId = formDecode(colon === -1 ? decoded : decoded.slice(0, colon));
  if (!clientId || CONTROL.test(clientId)) throw invalidRequest(CLIENT_AUTH_MESSAGES.headerMalformed);
  const rawSecret = colon === -1 ? "" : decoded.slice(colon + 1);
  if (rawSecret === "") return { clientId, secrets: null };
  const formSecret = formDecode(rawSecret);
  const secrets = formSecret === null || formSecret === rawSecret ? [rawSecret] : [formSecret, rawSecret];
  return { clientId, secrets };
}
