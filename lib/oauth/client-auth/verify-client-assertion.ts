import { compactVerify, decodeJwt, decodeProtectedHeader, type KeyObject } from "jose";
import type { AppContext } from "../../app-context";
import { loadActiveClient } from "../../apps/load-active-client";
import { loadClientSecrets } from "../../apps/load-client-secret";
import type { OAuthClient } from "../../apps/oauth-client";
import { invalidClient, invalidRequest } from "../errors/oauth-error";
import { checkAssertionClaims } from "./check-assertion-claims";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";
import { consumeAssertionJti } from "./consume-assertion-jti";
import { loadClientKeys, type ClientKey } from "./load-client-keys";

/** Okta: "HMAC algorithms HS256, HS384, or HS512" for client_secret_jwt. */
export const CLIENT_SECRET_JWT_ALGORITHMS = ["HS256", "HS384", "HS512"] as const;
/** The algorithms a registered client key may declare (lib/apps/validate-jwks.ts). */
export const PRIVATE_KEY_JWT_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"] as const;

const EC_CURVES: Record<string, string> = { ES256: "P-256", ES384: "P-384", ES512: "P-521" };
const encoder = new TextEncoder();

/** Can `key` verify a signature made with `alg`? (RSA for RS/PS, the matching curve for ES, and the key's own alg if it has one) */
function keyFits(key: ClientKey, alg: string): boolean {
  if (key.alg !== null && key.alg !== alg) return false;
  return alg.startsWith("ES") ? key.kty === "EC" && key.crv === EC_CURVES[alg] : key.kty === "RSA";
}

/**
 * The key a private_key_jwt assertion names by `kid`; without a kid, the only registered key that
 * fits the algorithm. No such key: Okta's "The client_assertion JWT kid is invalid.".
 */
function selectKey(keys: readonly ClientKey[], kid: unknown, alg: string): KeyObject {
  const candidates = typeof kid === "string" ? keys.filter((key) => key.kid === kid) : keys.filter((key) => keyFits(key, alg));
  const key = candidates.length === 1 ? candidates[0] : undefined;
  if (!key) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionKid);
  if (!keyFits(key, alg)) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionSignature);
  return key.key;
}

async function verifies(assertion: string, key: KeyObject | Uint8Array, alg: string): Promise<boolean> {
  try {
    await compactVerify(assertion, key, { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}

/**
 * client_secret_jwt and private_key_jwt (RFC 7523 2.2 and 3, OIDC Core 9, Okta's "Token Claims for
 * Client Authentication with Client Secret JWT"):
 * 1. the assertion is a signed JWT whose `iss` and `sub` are both the client_id (and equal the
 *    client_id parameter, if one was sent: invalid_request otherwise);
 * 2. the client is ACTIVE and registered for one of the two methods; the header `alg` is one of
 *    that method's algorithms (so neither "none" nor an HMAC over a public key can pass);
 * 3. the signature verifies: with any ACTIVE client secret as the HMAC key (client_secret_jwt), or
 *    with the registered public key named by `kid` (private_key_jwt);
 * 4. the claims hold (checkAssertionClaims), checked after the signature so that unsigned input
 *    learns nothing and cannot burn a jti;
 * 5. a `jti` is consumed last, atomically across instances, so only a fully valid assertion uses
 *    it up.
 * Failures are 401 invalid_client.
 */
export async function verifyClientAssertion(
  app: AppContext,
  assertion: string,
  clientIdParam: string | null,
  audiences: readonly string[],
): Promise<{ client: OAuthClient; method: "client_secret_jwt" | "private_key_jwt" }> {
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    if (assertion.split(".").length !== 3) throw new Error("not a compact JWS");
    header = decodeProtectedHeader(assertion);
    payload = decodeJwt(assertion);
    // A JWT never uses an unencoded payload (RFC 7797), and no critical extension is understood here.
    if ("b64" in header || "crit" in header) throw new Error("unsupported JWS header");
  } catch {
    throw invalidClient(CLIENT_AUTH_MESSAGES.assertionMalformed);
  }
  const { sub, iss } = payload;
  if (typeof sub !== "string" || sub === "" || iss !== sub) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionSubject);
  if (clientIdParam !== null && clientIdParam !== sub) throw invalidRequest(CLIENT_AUTH_MESSAGES.clientIdMismatch);

  const client = await loadActiveClient(app.db, sub);
  if (!client) throw invalidClient(CLIENT_AUTH_MESSAGES.unknownClient);
  const method = client.tokenEndpointAuthMethod;
  if (method !== "client_secret_jwt" && method !== "private_key_jwt") throw invalidClient(CLIENT_AUTH_MESSAGES.authenticationFailed);

  const allowed: readonly string[] = method === "client_secret_jwt" ? CLIENT_SECRET_JWT_ALGORITHMS : PRIVATE_KEY_JWT_ALGORITHMS;
  const alg = header.alg;
  if (typeof alg !== "string" || !allowed.includes(alg)) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionAlgorithm(allowed));

  let verified = false;
  if (method === "client_secret_jwt") {
    for (const secret of await loadClientSecrets(app.db, app.secretsKey, client.appId)) {
      if (await verifies(assertion, encoder.encode(secret), alg)) {
        verified = true;
        break;
      }
    }
  } else {
    verified = await verifies(assertion, selectKey(loadClientKeys(client), header.kid, alg), alg);
  }
  if (!verified) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionSignature);

  const claims = checkAssertionClaims(payload, { now: app.now(), audiences });
  if (claims.jti !== null) await consumeAssertionJti(app.db, client.clientId, claims.jti, new Date(claims.exp * 1000));
  return { client, method };
}
