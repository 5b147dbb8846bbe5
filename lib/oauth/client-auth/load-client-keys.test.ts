import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { PublicJwk } from "../../apps/client-metadata";
import { randomToken } from "../../crypto/random-token";
import { loadClientKeys } from "./load-client-keys";

const rsa = { ...(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" }) as Omit<PublicJwk, "kid">), kid: "rsa-1", alg: "RS256" } as PublicJwk;
const ec = { ...(generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({ format: "jwk" }) as Omit<PublicJwk, "kid">), kid: "ec-1" } as PublicJwk;

const client = (keys: PublicJwk[], lastUpdated: Date, appId = `0oa${randomToken(8)}`) => ({ appId, jwks: { keys }, lastUpdated });

describe("loadClientKeys", () => {
  it("imports the registered public keys with their kid, type, curve and alg", () => {
    const keys = loadClientKeys(client([rsa, ec], new Date(1000)));
    expect(keys.map(({ kid, kty, crv, alg }) => ({ kid, kty, crv, alg }))).toEqual([
      { kid: "rsa-1", kty: "RSA", crv: null, alg: "RS256" },
      { kid: "ec-1", kty: "EC", crv: "P-384", alg: null },
    ]);
    expect(keys.map((key) => [key.key.type, key.key.asymmetricKeyType])).toEqual([
      ["public", "rsa"],
      ["public", "ec"],
    ]);
  });

  it("parses once per app version and again when lastUpdated moves", () => {
    const first = client([rsa], new Date(1000));
    const keys = loadClientKeys(first);
    expect(loadClientKeys({ ...first, jwks: { keys: [rsa] } })).toBe(keys);
    // Same version, different content: still the cached set (lastUpdated is the version).
    expect(loadClientKeys({ ...first, jwks: { keys: [ec] } })).toBe(keys);
    const updated = loadClientKeys({ ...first, jwks: { keys: [ec] }, lastUpdated: new Date(2000) });
    expect(updated).not.toBe(keys);
    expect(updated.map((key) => key.kid)).toEqual(["ec-1"]);
  });

  it("keeps apps apart", () => {
    const at = new Date(5000);
    expect(loadClientKeys(client([rsa], at)).map((key) => key.kid)).toEqual(["rsa-1"]);
    expect(loadClientKeys(client([ec], at)).map((key) => key.kid)).toEqual(["ec-1"]);
  });

  it("skips keys that cannot verify signatures and apps without keys", () => {
    const broken = { ...ec, kid: "broken", x: ec.y } as PublicJwk;
    const encryption = { ...rsa, kid: "enc", use: "enc" } as unknown as PublicJwk;
    const symmetric = { kty: "oct", kid: "oct" } as unknown as PublicJwk;
    expect(loadClientKeys(client([broken, encryption, symmetric, ec], new Date(1))).map((key) => key.kid)).toEqual(["ec-1"]);
    expect(loadClientKeys({ appId: "0oaNoKeys", jwks: null, lastUpdated: new Date(1) })).toEqual([]);
  });
});
