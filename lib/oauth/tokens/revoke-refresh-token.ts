import { hashTokenBytes } from "../../crypto/hash-token";
import type { Db } from "../../db/create-db-client";
import type { RevocationOutcome } from "./revocation-outcome";
import { revokeGrantAtomically } from "./revoke-grant-atomically";

/** Longer strings are not refresh tokens of ours: no hash, no query. */
const MAX_REFRESH_TOKEN_LENGTH = 1024;

/**
 * Revokes a refresh token of `clientId` issued by the server `authServerId`, and with it its whole
 * grant (revokeGrant: every token of its rotation family, and every access token minted from the
 * grant): RFC 7009 2.1 "If the token passed to the request is a refresh token ... the authorization
 * server SHOULD also invalidate all access tokens based on the same authorization grant". Any token
 * of the family (even a rotated or expired one) names the grant. An already revoked token changes
 * nothing. Another client's token is left alone; an unknown one, or one of another server, is null.
 */
export async function revokeRefreshToken(db: Db, input: { authServerId: string; clientId: string; token: string; now: Date }): Promise<RevocationOutcome | null> {
  const { token } = input;
  if (token === "" || token.length > MAX_REFRESH_TOKEN_LENGTH) return null;
  const row = await db.refreshToken.findUnique({
    where: { tokenHash: hashTokenBytes(token) },
    select: { id: true, familyId: true, status: true, family: { select: { authServerId: true, clientId: true } } },
  });
  if (!row || row.family.authServerId !== input.authServerId) return null;
  if (row.family.clientId !== input.clientId) return { kind: "foreign", tokenType: "refresh_token", tokenId: row.id, ownerClientId: row.family.clientId };
  if (row.status !== "REVOKED") await revokeGrantAtomically(db, row.family.authServerId, row.familyId, input.now);
  return { kind: "revoked", tokenType: "refresh_token", tokenId: row.id, familyId: row.familyId };
}
