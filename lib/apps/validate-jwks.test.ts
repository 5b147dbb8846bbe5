import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateJwks } from "./validate-jwks";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const rsaPublic = rsa.publicKey.export({ format: "jwk" });
const rsaPrivate = rsa.privateKey.export({ format: "jwk" });
const weak = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "jwk" });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });

describe("validateJwks", () => {
  it("keeps the public members of RSA and EC keys only", () => {
    const result = validateJwks({ keys: [{ ...rsaPublic, kid: "rsa-1", use: "sig", alg: "RS256", x5t: "ignored" }, { ...ec, kid: "ec-1" }] });
    expect(result).toEqual({
      jwks: {
        keys: [
          { kty: "RSA", kid: "rsa-1", use: "sig", alg: "RS256", n: rsaPublic.n, e: rsaPublic.e },
          { kty: "EC", kid: "ec-1", crv: "P-256", x: ec.x, y: ec.y },
        ],
      },
    });
  });

  it.each([
    ["not a set", [], "jwks", "Must be a JSON Web Key Set: {\"keys\": [...]}."],
    ["no keys", { keys: [] }, "jwks.keys", "At least one key is required."],
    ["a private RSA key", { keys: [{ ...rsaPrivate, kid: "k" }] }, "jwks.keys.0", "The private key member 'd' is not allowed; register public keys only."],
    ["a symmetric key", { keys: [{ kty: "oct", k: "c2VjcmV0", kid: "k" }] }, "jwks.keys.0", "The private key member 'k' is not allowed; register public keys only."],
    ["an unknown kty", { keys: [{ kty: "OKP", crv: "Ed25519", x: "abc", kid: "k" }] }, "jwks.keys.0", "kty must be RSA or EC."],
    ["a key without kid", { keys: [{ ...rsaPublic }] }, "jwks.keys.0", "kid is required (a string of at most 256 characters)."],
    ["an encryption key", { keys: [{ ...rsaPublic, kid: "k", use: "enc" }] }, "jwks.keys.0", "use must be sig."],
    ["a wrong alg", { keys: [{ ...rsaPublic, kid: "k", alg: "ES256" }] }, "jwks.keys.0", "alg must be one of RS256, RS384, RS512, PS256, PS384, PS512 for RSA keys."],
    ["an RSA key without n", { keys: [{ kty: "RSA", e: "AQAB", kid: "k" }] }, "jwks.keys.0", "n is required (base64url) for RSA keys."],
    ["an unknown curve", { keys: [{ ...ec, crv: "P-192", kid: "k" }] }, "jwks.keys.0", "crv must be one of P-256, P-384, P-521."],
    ["a 1024-bit RSA key", { keys: [{ ...weak, kid: "k" }] }, "jwks.keys.0", "RSA keys must be at least 2048 bits."],
    ["a tiny RSA modulus", { keys: [{ kty: "RSA", n: "AAAA", e: "AQAB", kid: "k" }] }, "jwks.keys.0", "RSA keys must be at least 2048 bits."],
    ["a broken EC key", { keys: [{ ...ec, x: ec.y, kid: "k" }] }, "jwks.keys.0", "Not a valid EC public key."],
    ["a repeated kid", { keys: [{ ...rsaPublic, kid: "k" }, { ...ec, kid: "k" }] }, "jwks.keys.1", "The kid 'k' is used by another key."],
  ])("rejects %s", (_, value, field, message) => {
    expect(validateJwks(value)).toEqual({ errors: [{ field, message }] });
  });
});
