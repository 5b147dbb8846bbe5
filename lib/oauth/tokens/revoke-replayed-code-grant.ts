import type { Db } from "../../db/create-db-client";
import { revokeGrantAtomically } from "./revoke-grant-atomically";

/**
 * A used authorization code presented again (RFC 6749 4.1.2: "the authorization server ... SHOULD
 * revoke (when possible) all tokens previously issued based on that authorization code"): revokes
 * the grant its first exchange created (refresh tokens and, through the marker, access tokens).
 * The grant id is read again: a concurrent winner has committed it by now. Returns it, or null
 * when the code names no grant.
 */
export async function revokeReplayedCodeGrant(db: Db, input: { authServerId: string; codeHash: string; now: Date }): Promise<string | null> {
  const current = await db.authorizationCode.findUnique({ where: { codeHash: input.codeHash }, select: { familyId: true } });
  const grantId = current?.familyId ?? null;
  if (grantId) await revokeGrantAtomically(db, input.authServerId, grantId, input.now);
  return grantId;
}
