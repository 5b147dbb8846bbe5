import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import type { OAuthClient } from "../../apps/oauth-client";
import { createKeyedCache } from "../../cache/keyed-cache";

/** A registered public key of a client, imported once. */
export type ClientKey = {
  kid: string;
  kty: "RSA" | "EC";
  /** the EC curve (P-256, P-384, P-521), null for RSA */
  crv: string | null;
  /** the alg the key is restricted to, null when the JWK has none */
  alg: string | null;
  key: KeyObject;
};

/** Bounded: the least recently parsed app is dropped first. */
const MAX_APPS = 1000;
const cache = createKeyedCache<readonly ClientKey[]>({ maxEntries: MAX_APPS });

function importKeys(client: Pick<OAuthClient, "jwks">): ClientKey[] {
  const keys: ClientKey[] = [];
  for (const jwk of client.jwks?.keys ?? []) {
    if ((jwk.kty !== "RSA" && jwk.kty !== "EC") || typeof jwk.kid !== "string" || (jwk.use !== undefined && jwk.use !== "sig")) continue;
    try {
      const key = createPublicKey({ key: jwk as unknown as JsonWebKey, format: "jwk" });
      keys.push({ kid: jwk.kid, kty: jwk.kty, crv: jwk.kty === "EC" ? (jwk.crv ?? null) : null, alg: jwk.alg ?? null, key });
    } catch {
      // Validated when registered; a key that still does not import is simply not usable.
    }
  }
  return keys;
}

/**
 * The client's registered public keys (App.jwks) for private_key_jwt, as KeyObjects. Parsed once
 * per app and version: the cache entry is keyed by app id and replaced when the app's lastUpdated
 * changes (every change to the app, its jwks included, moves it: lib/cache/keyed-cache.ts). jose
 * keeps the CryptoKey it derives from each KeyObject per algorithm, so a warm verification imports
 * nothing.
 */
export function loadClientKeys(client: Pick<OAuthClient, "appId" | "jwks" | "lastUpdated">): readonly ClientKey[] {
  const version = client.lastUpdated.getTime();
  return cache.peek(client.appId, version) ?? cache.put(client.appId, version, Object.freeze(importKeys(client)));
}
