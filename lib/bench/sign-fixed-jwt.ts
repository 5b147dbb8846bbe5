import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";

let key: KeyObject | undefined;

/**
 * The benchmark's framework floor: sign a fixed RS256 JWT with jose and nothing else (no database,
 * no policy, no claims). Only served when BENCH_ROUTES=1.
 */
export async function signFixedJwt(now: Date): Promise<{ access_token: string; token_type: string; expires_in: number }> {
  key ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const iat = Math.floor(now.getTime() / 1000);
  const accessToken = await new SignJWT({ ver: 1, cid: "bench", scp: ["bench"], sub: "bench" })
    .setProtectedHeader({ alg: "RS256", kid: "bench" })
    .setIssuer("http://localhost/oauth2/bench")
    .setAudience("api://bench")
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .setJti("AT.bench")
    .sign(key);
  return { access_token: accessToken, token_type: "Bearer", expires_in: 3600 };
}
