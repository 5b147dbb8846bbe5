import type { InTransaction } from "../db/record-change";
import type { UserTokenKind } from "./user-token-kinds";

/**
 * Uses a token once, inside the transaction of the change it allows: one conditional update (this
 * hash, this kind, not used, not expired), so of two concurrent uses exactly one sees `true` and
 * the other's transaction changes nothing.
 */
export async function consumeUserToken(tx: InTransaction, input: { tokenHash: string; kind: UserTokenKind; now: Date }): Promise<boolean> {
  const { count } = await tx.userToken.updateMany({
    where: { tokenHash: input.tokenHash, kind: input.kind, consumed: null, expiresAt: { gt: input.now } },
    data: { consumed: input.now },
  });
  return count === 1;
}
