import { isReservedClaimName } from "../../claims/reserved-claim-names";
import { evaluateExpression, type ElContext } from "../../el";
import type { ServerSnapshot, SnapshotClaim } from "../snapshot/types";
import { setClaim } from "./set-claim";
import type { ClaimWarning, ClaimsUser } from "./types";

/** A GROUPS claim lists at most this many group names (Okta's limit). */
export const MAX_GROUPS_IN_CLAIM = 100;

export type CustomClaimsInput = {
  snapshot: ServerSnapshot;
  claimType: "RESOURCE" | "IDENTITY";
  scopes: readonly string[];
  user: ClaimsUser | null;
  context: ElContext;
  /** names the token already carries or reserves: a custom claim never overrides them */
  taken: ReadonlySet<string>;
  /** further selection (the ID token's alwaysIncludeInToken rule) */
  include?: (claim: SnapshotClaim) => boolean;
};

/**
 * The server's custom (non-SYSTEM) claims of one type that apply to the granted scopes (their
 * conditions.scopes are empty or name a granted scope), evaluated in the snapshot's order (by name).
 * Never throws. Left out, with a warning for the caller to log:
 * - a claim whose stored definition is invalid;
 * - a claim named like a protocol claim (isReservedClaimName) or like a claim the token already has;
 * - an EXPRESSION that fails at run time, or whose value is null.
 * Left out silently: a GROUPS claim without a user, or with no matching group. A GROUPS claim lists
 * the names of the user's groups that pass its filter, in the order of `user.groups`, at most
 * MAX_GROUPS_IN_CLAIM.
 */
export function evaluateCustomClaims(input: CustomClaimsInput): { claims: Record<string, unknown>; warnings: ClaimWarning[] } {
  const claims: Record<string, unknown> = {};
  const warnings: ClaimWarning[] = [];
  const granted = new Set(input.scopes);
  for (const claim of input.snapshot.claims) {
    if (claim.claimType !== input.claimType || claim.compiled.kind === "system") continue;
    if (claim.conditionScopes.length > 0 && !claim.conditionScopes.some((scope) => granted.has(scope))) continue;
    if (input.include && !input.include(claim)) continue;
    const warn = (code: ClaimWarning["code"], message: string) =>
      warnings.push({ claimId: claim.id, claimName: claim.name, claimType: claim.claimType, code, message });

    if (claim.compiled.kind === "invalid") {
      warn("claim.invalid_definition", `Claim '${claim.name}' was left out: its definition is invalid (${claim.compiled.message}).`);
      continue;
    }
    if (isReservedClaimName(claim.name) || input.taken.has(claim.name) || Object.hasOwn(claims, claim.name)) {
      warn("claim.reserved_name", `Claim '${claim.name}' was left out: the token sets '${claim.name}' itself.`);
      continue;
    }
    if (claim.compiled.kind === "groups") {
      const filter = claim.compiled.filter;
      const names = (input.user?.groups ?? []).filter((group) => filter.matches(group.name)).slice(0, MAX_GROUPS_IN_CLAIM).map((group) => group.name);
      if (names.length > 0) setClaim(claims, claim.name, names);
      continue;
    }
    const result = evaluateExpression(claim.compiled.ast, input.context);
    if (!result.ok) {
      warn(result.error.code, `Claim '${claim.name}' was left out: its expression failed (${result.error.code}: ${result.error.message}).`);
    } else if (result.value === null) {
      warn("claim.null_value", `Claim '${claim.name}' was left out: its expression evaluated to null.`);
    } else {
      setClaim(claims, claim.name, result.value);
    }
  }
  return { claims, warnings };
}
