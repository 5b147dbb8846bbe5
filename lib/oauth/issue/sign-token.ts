import { SignJWT, type JWTPayload } from "jose";
import type { SigningKey } from "../../keys/load-signing-key";

/**
 * A compact JWS over `claims` with the header Okta sends and its SDKs check: `{alg: "RS256", kid}`
 * (no `typ`, as Okta's access and ID tokens). The claims carry their own iat/exp.
 */
export function signToken(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims as JWTPayload).setProtectedHeader({ alg: key.alg, kid: key.kid }).sign(key.privateKey);
}
