import type { ServerSnapshot } from "../snapshot/types";
import { buildExpressionContext } from "./build-expression-context";
import { buildStandardClaims } from "./build-standard-claims";
import { evaluateCustomClaims } from "./evaluate-custom-claims";
import { listStandardClaimNames } from "./list-standard-claim-names";
import { setClaim } from "./set-claim";
import type { ClaimsApp, ClaimsResult, ClaimsUser, ExpressionContextExtras } from "./types";

export type UserinfoClaimsInput = {
  snapshot: ServerSnapshot;
  app: ClaimsApp;
  user: ClaimsUser;
  /** the access token's scopes (the caller has checked that `openid` is among them) */
  scopes: readonly string[];
  /** the clock for EL Time.now() */
  now: Date;
  expressionContextExtras?: ExpressionContextExtras;
};

export type UserinfoClaims = { sub: string; [claim: string]: unknown };

/**
 * The /userinfo response (pure): `sub` (the user id, as in the ID token), the standard claims of
 * the granted scopes, and the custom IDENTITY claims that apply to them regardless of
 * alwaysIncludeInToken (this is where claims withheld from the ID token are read).
 */
export function buildUserinfoClaims(input: UserinfoClaimsInput): ClaimsResult<UserinfoClaims> {
  const { snapshot, user } = input;
  const claims: UserinfoClaims = { sub: user.id };
  for (const [name, value] of Object.entries(buildStandardClaims(user, input.scopes))) setClaim(claims, name, value);
  const custom = evaluateCustomClaims({
    snapshot,
    claimType: "IDENTITY",
    scopes: input.scopes,
    user,
    context: buildExpressionContext({ user, app: input.app, scopes: input.scopes, now: input.now, extras: input.expressionContextExtras }),
    taken: new Set(["sub", ...listStandardClaimNames(input.scopes)]),
  });
  for (const [name, value] of Object.entries(custom.claims)) setClaim(claims, name, value);
  return { claims, warnings: custom.warnings };
}
