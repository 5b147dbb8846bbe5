import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { revokeGrantsWhere } from "../oauth/tokens/revoke-grant";

/** What revoking a user's consent to an app did. */
export type ConsentRevoked = { userId: string; clientId: string; authServerId: string; scopes: string[]; refreshTokensRevoked: number };

/**
 * A user takes back their consent to an app on one authorization server (My Account's Apps; Okta's
 * "revoke consent grants" for a user and client, RFC 6749 10.5): in one transaction the consent
 * grants go (the app asks again next time), every grant the app holds for the user on that server is
 * revoked with its tokens (revokeGrantsWhere: each refresh-token family under its lock, every access
 * token minted from it), unexchanged codes are deleted, and `record` runs. "gone" when the user has
 * no consent to that app there (another user's included): nothing is changed or recorded.
 */
export async function revokeConsent(db: Db, input: { userId: string; clientId: string; authServerId: string; now: Date }, record: RecordChange<ConsentRevoked>): Promise<ConsentRevoked | "gone"> {
  const { userId, clientId, authServerId, now } = input;
  return db.$transaction(async (tx) => {
    const grants = await tx.consentGrant.findMany({ where: { userId, clientId, authServerId }, select: { id: true, scope: true }, orderBy: { scope: "asc" } });
    if (grants.length === 0) return "gone" as const;
    await tx.consentGrant.deleteMany({ where: { id: { in: grants.map((grant) => grant.id) } } });
    const refreshTokensRevoked = await revokeGrantsWhere(tx, { userId, clientId, authServerId }, now);
    await tx.authorizationCode.deleteMany({ where: { userId, clientId, authServerId } });
    const revoked: ConsentRevoked = { userId, clientId, authServerId, scopes: grants.map((grant) => grant.scope), refreshTokensRevoked };
    await record(tx, revoked);
    return revoked;
  });
}
