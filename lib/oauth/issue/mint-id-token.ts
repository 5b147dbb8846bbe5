import { randomBytes } from "node:crypto";
import type { OAuthClient } from "../../apps/oauth-client";
import { randomToken } from "../../crypto/random-token";
import type { SigningKey } from "../../keys/load-signing-key";
import { buildIdTokenClaims, type IdTokenClaims } from "../claims/build-id-token-claims";
import type { ClaimsUser, ClaimWarning } from "../claims/types";
import type { ServerSnapshot } from "../snapshot/types";
import { signToken } from "./sign-token";

export type MintIdTokenInput = {
  snapshot: ServerSnapshot;
  issuer: string;
  client: OAuthClient;
  user: ClaimsUser;
  scopes: readonly string[];
  authTime: Date;
  /** the authorization request's nonce (code flow); none for password and refresh grants */
  nonce?: string | null;
  /** the access token returned beside it: adds at_hash */
  accessToken: string;
  /** how the user authenticated */
  amr?: readonly string[];
  /** the authentication context class the authorization request got (acr_values) */
  acr?: string | null;
  now: Date;
  key: SigningKey;
  random?: (size: number) => Buffer;
};

export type MintedIdToken = { token: string; claims: IdTokenClaims; warnings: ClaimWarning[] };

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Signs an ID token returned by the token endpoint (RS256, `kid` header): buildIdTokenClaims with
 * `jti` "ID.<random>", one hour of life, `amr` of the grant's authentication (default ["pwd"]: the password grant), `acr` when the
 * authorization request asked for one,
 * `at_hash` of the access token returned with it, and `includeScopeClaims` false (it always comes
 * with an access token: claims that are not alwaysIncludeInToken are read from /userinfo).
 */
export async function mintIdToken(input: MintIdTokenInput): Promise<MintedIdToken> {
  const { claims, warnings } = buildIdTokenClaims({
    snapshot: input.snapshot,
    issuer: input.issuer,
    clientId: input.client.clientId,
    app: { id: input.client.appId, clientId: input.client.clientId },
    user: input.user,
    scopes: input.scopes,
    jti: `ID.${randomToken(16, input.random ?? randomBytes)}`,
    iat: seconds(input.now),
    authTime: seconds(input.authTime),
    amr: input.amr ?? ["pwd"],
    acr: input.acr ?? null,
    nonce: input.nonce ?? null,
    accessToken: input.accessToken,
    includeScopeClaims: false,
  });
  return { token: await signToken(input.key, claims), claims, warnings };
}
