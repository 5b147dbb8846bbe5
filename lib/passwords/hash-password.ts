import { hash, type Options } from "@node-rs/argon2";

/**
 * OWASP's minimum for argon2id: m=19 MiB, t=2, p=1. Stored as a PHC string, so the parameters can be
 * raised later (rehash on next sign-in). `algorithm: 2` is Argon2id (the package's const enum
 * cannot be imported under isolatedModules).
 */
export const ARGON2_PARAMS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}
