import type { OAuthClient } from "../../apps/oauth-client";
import type { SigningKey } from "../../keys/load-signing-key";
import { buildAccessTokenClaims, type AccessTokenClaims } from "../claims/build-access-token-claims";
import type { ClaimsUser, ClaimWarning } from "../claims/types";
import type { ServerSnapshot } from "../snapshot/types";
import { newAccessTokenId } from "../tokens/access-token-id";
import { signToken } from "./sign-token";

export type MintAccessTokenInput = {
  snapshot: ServerSnapshot;
  issuer: string;
  client: OAuthClient;
  /** null for client_credentials */
  user: ClaimsUser | null;
  /** the granted scopes (scp), in order */
  scopes: readonly string[];
  /** the user grant (refresh family) the token belongs to; null for client_credentials */
  grantId: string | null;
  /** when the user authenticated (users only) */
  authTime?: Date | null;
  lifetimeMinutes: number;
  now: Date;
  key: SigningKey;
  random?: (size: number) => Buffer;
};

export type MintedAccessToken = {
  token: string;
  claims: AccessTokenClaims;
  /** seconds: the response's expires_in */
  expiresIn: number;
  warnings: ClaimWarning[];
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Signs an Okta access token (RS256, `kid` header): the claims of buildAccessTokenClaims with
 * `jti` from newAccessTokenId (user grants carry their grant id, so one marker revokes them all),
 * `iat` now and `exp` after the rule's lifetime. Custom claims that fail come back as warnings.
 */
export async function mintAccessToken(input: MintAccessTokenInput): Promise<MintedAccessToken> {
  const iat = seconds(input.now);
  const expiresIn = input.lifetimeMinutes * 60;
  const { claims, warnings } = buildAccessTokenClaims({
    snapshot: input.snapshot,
    issuer: input.issuer,
    clientId: input.client.clientId,
    app: { id: input.client.appId, clientId: input.client.clientId },
    user: input.user,
    scopes: input.scopes,
    jti: newAccessTokenId(input.grantId, input.random),
    ...(input.user && input.authTime ? { authTime: seconds(input.authTime) } : {}),
    iat,
    exp: iat + expiresIn,
  });
  return { token: await signToken(input.key, claims), claims, expiresIn, warnings };
}
