import { randomToken } from "../crypto/random-token";
import { hashPassword } from "./hash-password";

let dummyHash: Promise<string> | null = null;

/**
 * A hash of a random password with the current parameters, verified against when there is no
 * user (or no password), so that an unknown login costs what a wrong password costs.
 */
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken(24));
  return dummyHash;
}
