import type { OAuthClient } from "../../apps/oauth-client";
import { findLiveRefreshToken } from "../verify/find-live-refresh-token";
import { orderTokenTypes } from "../verify/order-token-types";
import type { TokenType, VerifyContext } from "../verify/types";
import { verifyAccessToken } from "../verify/verify-access-token";
import { verifyIdToken } from "../verify/verify-id-token";
import { buildAccessTokenIntrospection } from "./build-access-token-introspection";
import { buildIdTokenIntrospection } from "./build-id-token-introspection";
import { buildRefreshTokenIntrospection } from "./build-refresh-token-introspection";
import type { IntrospectionResponse } from "./introspection-response";

const TYPES: readonly TokenType[] = ["access_token", "refresh_token", "id_token"];
const INACTIVE = { active: false } as const;

type Found = { clientId: string; body: IntrospectionResponse };

async function find(type: TokenType, context: VerifyContext, token: string, now: Date): Promise<Found | null> {
  if (type === "access_token") {
    const verified = await verifyAccessToken(context, token, now);
    return verified && { clientId: verified.clientId, body: buildAccessTokenIntrospection(verified) };
  }
  if (type === "refresh_token") {
    const live = await findLiveRefreshToken(context, token, now);
    return live && { clientId: live.clientId, body: buildRefreshTokenIntrospection(live) };
  }
  const verified = await verifyIdToken(context, token, now);
  return verified && { clientId: verified.clientId, body: buildIdTokenIntrospection(verified) };
}

/**
 * RFC 7662 introspection of one presented token for an authenticated client: tried as the hinted
 * type first, then as the others (access, refresh, ID token). The first type it is active as
 * answers. A public client may only see its own tokens: another client's token is `{active:false}`,
 * exactly like a dead one; a confidential client may inspect every token of the server. Anything
 * invalid, expired, revoked or implicitly revoked is `{active:false}`.
 */
export async function introspectToken(context: VerifyContext, client: OAuthClient, token: string, hint: string | undefined, now: Date): Promise<IntrospectionResponse> {
  for (const type of orderTokenTypes(hint, TYPES)) {
    const found = await find(type, context, token, now);
    if (!found) continue;
    if (!client.isConfidential && found.clientId !== client.clientId) return { ...INACTIVE };
    return found.body;
  }
  return { ...INACTIVE };
}
