import type { RevocationOutcome } from "../tokens/revocation-outcome";
import { revokeRefreshToken } from "../tokens/revoke-refresh-token";
import { orderTokenTypes } from "../verify/order-token-types";
import type { TokenType, VerifyContext } from "../verify/types";
import { revokeAccessToken } from "./revoke-access-token";

const TYPES: readonly TokenType[] = ["access_token", "refresh_token"];

/**
 * RFC 7009 revocation of one presented token by the client `clientId`: looked up as the hinted type
 * first (access_token | refresh_token), then as the other; the first type it is found as decides.
 * A client can only revoke its own tokens. ID tokens cannot be revoked (they are unknown here).
 */
export async function revokeToken(context: VerifyContext, clientId: string, token: string, hint: string | undefined, now: Date): Promise<RevocationOutcome> {
  for (const type of orderTokenTypes(hint, TYPES)) {
    const outcome = type === "access_token" ? await revokeAccessToken(context, clientId, token, now) : await revokeRefreshToken(context.db, { authServerId: context.snapshot.id, clientId, token, now });
    if (outcome) return outcome;
  }
  return { kind: "unknown" };
}
