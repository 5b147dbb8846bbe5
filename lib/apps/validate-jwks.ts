import { createPublicKey, type JsonWebKey } from "node:crypto";
import type { MetadataError, PublicJwk, PublicJwks } from "./client-metadata";

const MAX_KEYS = 20;
const MIN_RSA_BITS = 2048;
/** Members of private or symmetric JWKs: a client registers public keys only. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
const ALGORITHMS: Record<"RSA" | "EC", string[]> = {
  RSA: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"],
  EC: ["ES256", "ES384", "ES512"],
};
const CURVES = ["P-256", "P-384", "P-521"];
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One key: an error message, or the key reduced to its public members. */
function validateKey(key: unknown): { error: string } | { key: PublicJwk } {
  if (!isObject(key)) return { error: "Each key must be a JSON Web Key object." };
  const privateMember = PRIVATE_MEMBERS.find((member) => member in key);
  if (privateMember) return { error: `The private key member '${privateMember}' is not allowed; register public keys only.` };
  if (key.kty !== "RSA" && key.kty !== "EC") return { error: "kty must be RSA or EC." };
  if (typeof key.kid !== "string" || key.kid.trim() === "" || key.kid.length > 256) return { error: "kid is required (a string of at most 256 characters)." };
  if (key.use !== undefined && key.use !== null && key.use !== "sig") return { error: "use must be sig." };
  if (key.alg !== undefined && key.alg !== null && (typeof key.alg !== "string" || !ALGORITHMS[key.kty].includes(key.alg))) {
    return { error: `alg must be one of ${ALGORITHMS[key.kty].join(", ")} for ${key.kty} keys.` };
  }
  const members = key.kty === "RSA" ? ["n", "e"] : ["crv", "x", "y"];
  const missing = members.find((member) => typeof key[member] !== "string" || (member !== "crv" && !BASE64URL.test(key[member] as string)));
  if (missing) return { error: `${missing} is required (base64url) for ${key.kty} keys.` };
  if (key.kty === "EC" && !CURVES.includes(key.crv as string)) return { error: `crv must be one of ${CURVES.join(", ")}.` };
  const publicKey: PublicJwk = { kty: key.kty, kid: key.kid };
  if (key.use === "sig") publicKey.use = "sig";
  if (typeof key.alg === "string") publicKey.alg = key.alg;
  for (const member of members) (publicKey as Record<string, unknown>)[member] = key[member];
  try {
    const imported = createPublicKey({ key: publicKey as unknown as JsonWebKey, format: "jwk" });
    const bits = imported.asymmetricKeyDetails?.modulusLength;
    if (key.kty === "RSA" && (bits === undefined || bits < MIN_RSA_BITS)) return { error: `RSA keys must be at least ${MIN_RSA_BITS} bits.` };
  } catch {
    return { error: `Not a valid ${key.kty} public key.` };
  }
  return { key: publicKey };
}

/**
 * A client's JSON Web Key Set ({keys:[...]}) for private_key_jwt and signed request objects: RSA
 * (>= 2048 bits) or EC (P-256/384/521) public keys, each with a unique kid. Errors name the key
 * ("jwks.keys.1").
 */
export function validateJwks(value: unknown): { jwks: PublicJwks } | { errors: MetadataError[] } {
  if (!isObject(value) || !Array.isArray(value.keys)) return { errors: [{ field: "jwks", message: "Must be a JSON Web Key Set: {\"keys\": [...]}." }] };
  if (value.keys.length === 0) return { errors: [{ field: "jwks.keys", message: "At least one key is required." }] };
  if (value.keys.length > MAX_KEYS) return { errors: [{ field: "jwks.keys", message: `At most ${MAX_KEYS} keys are allowed.` }] };
  const errors: MetadataError[] = [];
  const keys: PublicJwk[] = [];
  const kids = new Set<string>();
  value.keys.forEach((raw, index) => {
    const result = validateKey(raw);
    if ("error" in result) {
      errors.push({ field: `jwks.keys.${index}`, message: result.error });
    } else if (kids.has(result.key.kid)) {
      errors.push({ field: `jwks.keys.${index}`, message: `The kid '${result.key.kid}' is used by another key.` });
    } else {
      kids.add(result.key.kid);
      keys.push(result.key);
    }
  });
  return errors.length ? { errors } : { jwks: { keys } };
}
