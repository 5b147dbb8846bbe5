import type { ServerSnapshot } from "../snapshot/types";
import { buildExpressionContext } from "./build-expression-context";
import { evaluateCustomClaims } from "./evaluate-custom-claims";
import { setClaim } from "./set-claim";
import type { ClaimsApp, ClaimsResult, ClaimsUser, ExpressionContextExtras } from "./types";

export type AccessTokenClaimsInput = {
  snapshot: ServerSnapshot;
  /** ORG_URL + snapshot.issuerPath (see buildIssuer) */
  issuer: string;
  clientId: string;
  app: ClaimsApp;
  /** null for client_credentials */
  user: ClaimsUser | null;
  /** the granted scopes (scp), in order */
  scopes: readonly string[];
  /** "AT." + a random value; the prefix is added when missing */
  jti: string;
  /** epoch seconds of the user's authentication (users only) */
  authTime?: number;
  /** epoch seconds */
  iat: number;
  exp: number;
  expressionContextExtras?: ExpressionContextExtras;
};

/** Okta's access token claims; custom RESOURCE claims follow under their own names. */
export type AccessTokenClaims = {
  ver: 1;
  jti: string;
  iss: string;
  aud: string | string[];
  iat: number;
  exp: number;
  cid: string;
  uid?: string;
  scp: string[];
  auth_time?: number;
  sub: string;
  [claim: string]: unknown;
};

/**
 * The claims of an Okta access token (pure): `ver` 1, `jti` "AT.…", `iss`, `aud` (the server's
 * audience: a string when there is one, as Okta sends it; an array when several), `iat`, `exp`,
 * `cid` (client id), `uid` (user id; users only), `scp` (array), `auth_time` (users, when given),
 * `sub` (the user's login, or the client id for client_credentials: the default server's SYSTEM
 * claim `sub` is produced here, not evaluated), then the server's custom RESOURCE claims whose
 * conditions.scopes are empty or intersect the granted scopes (see evaluateCustomClaims; EL `now`
 * is `iat`). Custom claims never override these names; skipped ones come back as warnings.
 */
export function buildAccessTokenClaims(input: AccessTokenClaimsInput): ClaimsResult<AccessTokenClaims> {
  const { snapshot, user } = input;
  const audiences = snapshot.audiences;
  const claims: AccessTokenClaims = {
    ver: 1,
    jti: input.jti.startsWith("AT.") ? input.jti : `AT.${input.jti}`,
    iss: input.issuer,
    aud: audiences.length === 1 ? audiences[0]! : audiences.length > 1 ? [...audiences] : input.issuer,
    iat: input.iat,
    exp: input.exp,
    cid: input.clientId,
    ...(user ? { uid: user.id } : {}),
    scp: [...input.scopes],
    ...(user && input.authTime !== undefined ? { auth_time: input.authTime } : {}),
    sub: user ? user.login : input.clientId,
  };
  const custom = evaluateCustomClaims({
    snapshot,
    claimType: "RESOURCE",
    scopes: input.scopes,
    user,
    context: buildExpressionContext({ user, app: input.app, scopes: input.scopes, now: new Date(input.iat * 1000), extras: input.expressionContextExtras }),
    taken: new Set(["uid", "auth_time", ...Object.keys(claims)]),
  });
  for (const [name, value] of Object.entries(custom.claims)) setClaim(claims, name, value);
  return { claims, warnings: custom.warnings };
}
