import { randomBytes } from "node:crypto";

/** A URL-safe random token with `bytes` bytes of entropy (default 32 = 256 bits). */
export function randomToken(bytes = 32, random: (size: number) => Buffer = randomBytes): string {
  return random(bytes).toString("base64url");
}
