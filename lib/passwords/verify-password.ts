import { parseOptions, verify } from "@node-rs/argon2";
import { ARGON2_PARAMS } from "./hash-password";

/** Longer inputs cannot be a password this server accepted; refusing them bounds the work per attempt. */
const MAX_PASSWORD_LENGTH = 4096;
const ARGON2ID = 2;
const VERSION_0x13 = 1;

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

/**
 * Checks a password against a stored PHC string (argon2). `needsRehash` is true when the password
 * matched and the stored parameters are weaker than ARGON2_PARAMS (another variant or version, less
 * memory, fewer passes, lower parallelism): the sign-in flow then stores hashPassword(password).
 * A malformed or foreign hash never matches; this function does not throw for bad input.
 */
export async function verifyPassword(hash: string, password: string): Promise<PasswordCheck> {
  if (!hash.startsWith("$argon2") || password.length > MAX_PASSWORD_LENGTH) return { ok: false, needsRehash: false };
  let ok: boolean;
  try {
    ok = await verify(hash, password);
  } catch {
    return { ok: false, needsRehash: false };
  }
  return { ok, needsRehash: ok && isWeakerThanPolicy(hash) };
}

function isWeakerThanPolicy(hash: string): boolean {
  const stored = parseOptions(hash);
  return (
    stored.algorithm !== (ARGON2_PARAMS.algorithm ?? ARGON2ID) ||
    stored.version !== VERSION_0x13 ||
    stored.memoryCost < (ARGON2_PARAMS.memoryCost ?? 19_456) ||
    stored.timeCost < (ARGON2_PARAMS.timeCost ?? 2) ||
    stored.parallelism < (ARGON2_PARAMS.parallelism ?? 1)
  );
}
