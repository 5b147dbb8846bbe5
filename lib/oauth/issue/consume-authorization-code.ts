import type { Db } from "../../db/create-db-client";
import { createRefreshToken, type CreatedRefreshToken, type NewRefreshTokenFamily } from "./create-refresh-token";

export type CodeConsumption =
  /** this exchange consumed the code; `refreshToken` the grant's first one, when asked for */
  | { consumed: true; refreshToken: CreatedRefreshToken | null }
  /** another exchange consumed it first: a replay */
  | { consumed: false };

/**
 * Consumes an authorization code ATOMICALLY across instances (RFC 6749 4.1.2: used once): a
 * conditional update `consumed: null -> now`, which also records the new grant id, whose
 * affected-row count decides, in the transaction that stores the grant's refresh token (`refresh`,
 * null for none): a replay that loses the race still finds (and revokes) everything the winner
 * issued.
 */
export async function consumeAuthorizationCode(db: Db, input: { codeHash: string; grantId: string; now: Date; refresh: NewRefreshTokenFamily | null }): Promise<CodeConsumption> {
  const { codeHash, grantId, now, refresh } = input;
  return db.$transaction(async (tx): Promise<CodeConsumption> => {
    const consumed = await tx.authorizationCode.updateMany({ where: { codeHash, consumed: null }, data: { consumed: now, familyId: grantId } });
    if (consumed.count !== 1) return { consumed: false };
    return { consumed: true, refreshToken: refresh ? await createRefreshToken(tx, refresh) : null };
  });
}
