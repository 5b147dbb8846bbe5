import type { ServerSnapshot, SnapshotClaim } from "../snapshot/types";
import { ID_TOKEN_LIFETIME_SECONDS } from "../tokens/token-lifetimes";
import { buildExpressionContext } from "./build-expression-context";
import { buildStandardClaims } from "./build-standard-claims";
import { computeTokenHash } from "./compute-token-hash";
import { evaluateCustomClaims } from "./evaluate-custom-claims";
import { listStandardClaimNames } from "./list-standard-claim-names";
import { ORG_IDP_ID } from "./org-idp-id";
import { setClaim } from "./set-claim";
import type { ClaimsApp, ClaimsResult, ClaimsUser, ExpressionContextExtras } from "./types";

export type IdTokenClaimsInput = {
  snapshot: ServerSnapshot;
  issuer: string;
  clientId: string;
  app: ClaimsApp;
  user: ClaimsUser;
  /** the granted scopes */
  scopes: readonly string[];
  /** "ID." + a random value; the prefix is added when missing */
  jti: string;
  /** epoch seconds; exp = iat + 3600 */
  iat: number;
  /** epoch seconds of the user's authentication */
  authTime: number;
  /** e.g. ["pwd"] */
  amr: readonly string[];
  /** the authentication context class the request asked for and got (acr_values, chooseAcr); left out when absent */
  acr?: string | null;
  /** defaults to ORG_IDP_ID */
  idp?: string;
  /** from the authorization request; left out when absent or empty */
  nonce?: string | null;
  /** the access token issued with this ID token: adds at_hash */
  accessToken?: string;
  /** the authorization code returned with this ID token (hybrid flow): adds c_hash */
  code?: string;
  /**
   * true when the ID token is the only token returned (response_type=id_token): every scope and
   * IDENTITY claim goes in. false when it comes with an access token or from the authorization
   * code exchange: claims with alwaysIncludeInToken false (custom IDENTITY claims, and standard
   * claims whose SYSTEM claim is set so) are left out; the client reads them from /userinfo.
   */
  includeScopeClaims: boolean;
  expressionContextExtras?: ExpressionContextExtras;
};

export type IdTokenClaims = {
  sub: string;
  ver: 1;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  amr: string[];
  acr?: string;
  idp: string;
  nonce?: string;
  auth_time: number;
  at_hash?: string;
  c_hash?: string;
  [claim: string]: unknown;
};

/** The ID token claims Okta orders after the protocol ones. */
const TRAILING_STANDARD = new Set(["preferred_username"]);

/**
 * The claims of an Okta ID token (pure): `sub` (user id), the standard claims of the granted
 * profile/email/address/phone scopes (buildStandardClaims), `ver` 1, `iss`, `aud` (the client id, a
 * string: @okta/jwt-verifier refuses an array), `iat`, `exp` (iat + 1 h), `jti` "ID.…", `amr`, `acr` (when the request asked for one), `idp`,
 * `nonce` (when given), `auth_time`, `at_hash` / `c_hash` (OIDC Core 3.3.2.11), then the custom
 * IDENTITY claims that apply to the granted scopes, subject to alwaysIncludeInToken (see
 * `includeScopeClaims`). The default server's SYSTEM claims are produced here, not evaluated.
 */
export function buildIdTokenClaims(input: IdTokenClaimsInput): ClaimsResult<IdTokenClaims> {
  const { snapshot, user } = input;
  const standard = buildStandardClaims(user, input.scopes);
  const withheld = input.includeScopeClaims ? new Set<string>() : userinfoOnlySystemClaims(snapshot);
  const leading: Record<string, unknown> = {};
  const trailing: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(standard)) {
    if (!withheld.has(name)) setClaim(TRAILING_STANDARD.has(name) ? trailing : leading, name, value);
  }
  const nonce = input.nonce ? input.nonce : undefined;
  const claims: IdTokenClaims = {
    sub: user.id,
    ...leading,
    ver: 1,
    iss: input.issuer,
    aud: input.clientId,
    iat: input.iat,
    exp: input.iat + ID_TOKEN_LIFETIME_SECONDS,
    jti: input.jti.startsWith("ID.") ? input.jti : `ID.${input.jti}`,
    amr: [...input.amr],
    ...(input.acr ? { acr: input.acr } : {}),
    idp: input.idp ?? ORG_IDP_ID,
    ...(nonce !== undefined ? { nonce } : {}),
    ...trailing,
    auth_time: input.authTime,
    ...(input.accessToken !== undefined ? { at_hash: computeTokenHash(input.accessToken) } : {}),
    ...(input.code !== undefined ? { c_hash: computeTokenHash(input.code) } : {}),
  };
  const custom = evaluateCustomClaims({
    snapshot,
    claimType: "IDENTITY",
    scopes: input.scopes,
    user,
    context: buildExpressionContext({ user, app: input.app, scopes: input.scopes, now: new Date(input.iat * 1000), extras: input.expressionContextExtras }),
    taken: new Set([...Object.keys(claims), "nonce", "acr", "at_hash", "c_hash", ...listStandardClaimNames(input.scopes)]),
    include: input.includeScopeClaims ? undefined : (claim: SnapshotClaim) => claim.alwaysIncludeInToken,
  });
  for (const [name, value] of Object.entries(custom.claims)) setClaim(claims, name, value);
  return { claims, warnings: custom.warnings };
}

/** Standard claim names whose SYSTEM IDENTITY claim has alwaysIncludeInToken false. */
function userinfoOnlySystemClaims(snapshot: ServerSnapshot): Set<string> {
  return new Set(snapshot.claims.filter((claim) => claim.claimType === "IDENTITY" && claim.compiled.kind === "system" && !claim.alwaysIncludeInToken).map((claim) => claim.name));
}
