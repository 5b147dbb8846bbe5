import { findVerificationKey } from "./find-verification-key";
import type { VerifyContext } from "./types";
import { verifyServerJwt } from "./verify-server-jwt";

/**
 * verifyServerJwt against the addressed server: its issuer and its published keys, from the
 * per-server key cache that follows the snapshot's configVersion. The payload, or null.
 */
export function verifySignedToken(context: VerifyContext, token: string, now: Date): Promise<Record<string, unknown> | null> {
  const { db, secretsKey, snapshot, issuer } = context;
  return verifyServerJwt(token, {
    issuer,
    now,
    resolveKey: (kid) => findVerificationKey(db, secretsKey, snapshot.id, snapshot.configVersion, kid, now),
  });
}
