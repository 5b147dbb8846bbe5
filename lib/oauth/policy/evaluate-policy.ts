import type { GrantType } from "../grant-types";
import type { ServerSnapshot, SnapshotPolicy, SnapshotRule } from "../snapshot/types";
import { isOidcScope } from "./oidc-scopes";
import { isOktaScope, isOktaScopeGranted } from "./okta-scope-grants";

export type PolicyInput = {
  snapshot: ServerSnapshot;
  clientId: string;
  /** the okta.* scopes granted to the app (OAuthClient.oktaScopeGrants) */
  oktaScopeGrants: readonly string[];
  grantType: GrantType;
  /** The resource owner; null for client_credentials. `groupIds`: the user's explicit memberships. */
  user: { id: string; groupIds: readonly string[] } | null;
  /** The scope names asked for (already split on spaces); null or empty: the server's default scopes. */
  requestedScopes: readonly string[] | null;
};

export type PolicyDecision = {
  ok: true;
  policyId: string;
  policyName: string;
  ruleId: string;
  ruleName: string;
  /** requested scopes (or the defaults) in request order, then for client_credentials the defaults the rule allows */
  grantedScopes: string[];
  accessTokenLifetimeMinutes: number;
  /** 0 = unlimited */
  refreshTokenLifetimeMinutes: number;
  refreshTokenWindowMinutes: number;
};

export type PolicyDenial = {
  ok: false;
  error: "access_denied" | "invalid_scope";
  /** the error_description, Okta's wording */
  description: string;
  /** why, for the System Log (never sent to the client) */
  reason: string;
  /** the policy that applied to the client, when one did but none of its rules matched */
  policyId?: string;
};

export type PolicyResult = PolicyDecision | PolicyDenial;

export const UNKNOWN_SCOPE_DESCRIPTION = "One or more scopes are not configured for the authorization server resource.";
export const NO_DEFAULT_SCOPES_DESCRIPTION = "The authorization server resource does not have any configured default scopes, 'scope' must be provided.";
export const CLIENT_CREDENTIALS_OIDC_DESCRIPTION = "Cannot request 'openid' scopes using client credentials";
export const NO_MATCHING_POLICY_DESCRIPTION = "Policy evaluation failed for this request, please check the policy configurations.";
/** Okta's answer to Okta API scopes an app was not granted (as reported for the org authorization server). */
export const oktaScopesNotAllowedDescription = (scopes: readonly string[]) => `The following scopes are not allowed for this request: [${scopes.join(", ")}].`;

const EVERYONE = "EVERYONE";

/**
 * Okta's authorization server policy evaluation (pure):
 *
 * 1. Scopes. Requested names are matched exactly (case-sensitive) against the server's scopes; any
 *    unknown one is `invalid_scope`. client_credentials may not ask for an OpenID Connect scope
 *    (openid, profile, email, address, phone, offline_access: no user, no ID or refresh token).
 *    With no scope requested, the server's default scopes stand in (for client_credentials without
 *    the OIDC ones); with none configured, `invalid_scope`. Okta API scopes (`okta.*`, which only
 *    the org authorization server has) must have been granted to the app (isOktaScopeGranted, on input.oktaScopeGrants),
 *    else `invalid_scope`, whatever the grant type.
 * 2. Policies. ACTIVE policies in priority order; the first whose clients condition matches
 *    (ALL_CLIENTS, or the client id listed) is the only one considered.
 * 3. Rules. Its ACTIVE rules in priority order; the first that matches decides:
 *    - grant type listed;
 *    - people: ignored for client_credentials. Otherwise the user is excluded when listed in
 *      users.exclude or a member of a group in groups.exclude, and included when listed in
 *      users.include or a member of a group in groups.include; "EVERYONE" (and the BUILT_IN group
 *      Everyone's id, whose membership is implicit) contain every user. Empty include lists match
 *      nobody;
 *    - scopes: "*", or every requested scope that is not an OIDC scope is listed (OIDC scopes are
 *      granted by default once a rule matches).
 * 4. Grant: the requested scopes (or the defaults); for client_credentials also the server's
 *    non-OIDC default scopes that the rule allows (spec: "default scopes granted by policy in
 *    addition to requested scopes"). Lifetimes come from the rule.
 *
 * No policy or no rule: `access_denied` "Policy evaluation failed ...". Whether the user is
 * assigned to the app, and whether the app may use the grant, are checked by the caller.
 */
export function evaluatePolicy(input: PolicyInput): PolicyResult {
  const { snapshot, clientId, grantType } = input;
  const isClientCredentials = grantType === "client_credentials";
  const requested = [...new Set((input.requestedScopes ?? []).filter((name) => name.length > 0))];

  const unknown = requested.filter((name) => snapshot.scopesByName[name] === undefined);
  if (unknown.length > 0) {
    return deny("invalid_scope", UNKNOWN_SCOPE_DESCRIPTION, `The requested scopes are not configured on authorization server ${snapshot.id}: ${unknown.join(", ")}.`);
  }
  const notGranted = requested.filter((name) => isOktaScope(name) && !isOktaScopeGranted(input.oktaScopeGrants, name));
  if (notGranted.length > 0) {
    return deny("invalid_scope", oktaScopesNotAllowedDescription(notGranted), `The client was not granted the Okta API scopes: ${notGranted.join(", ")}.`);
  }
  if (isClientCredentials) {
    const oidc = requested.filter(isOidcScope);
    if (oidc.length > 0) {
      return deny("invalid_scope", CLIENT_CREDENTIALS_OIDC_DESCRIPTION, `client_credentials requested OpenID Connect scopes: ${oidc.join(", ")}.`);
    }
  }

  const defaults = snapshot.scopes.filter((scope) => scope.isDefault && !(isClientCredentials && isOidcScope(scope.name))).map((scope) => scope.name);
  const usingDefaults = requested.length === 0;
  const effective = usingDefaults ? defaults : requested;
  if (effective.length === 0) {
    return deny("invalid_scope", NO_DEFAULT_SCOPES_DESCRIPTION, `No scope was requested and authorization server ${snapshot.id} has no default scopes.`);
  }

  const policy = snapshot.policies.find((candidate) => candidate.allClients || candidate.clientsInclude.includes(clientId));
  if (!policy) {
    return deny("access_denied", NO_MATCHING_POLICY_DESCRIPTION, `no_matching_policy: no ACTIVE policy of authorization server ${snapshot.id} applies to client ${clientId}.`);
  }

  const userGroups = new Set(input.user?.groupIds ?? []);
  const rule = policy.rules.find(
    (candidate) =>
      candidate.grantTypes.includes(grantType) &&
      (isClientCredentials || peopleMatch(candidate, input.user, userGroups, snapshot.everyoneGroupId)) &&
      scopesMatch(candidate, effective),
  );
  if (!rule) {
    return {
      ...deny("access_denied", NO_MATCHING_POLICY_DESCRIPTION, noRuleReason(policy, grantType, input.user, effective)),
      policyId: policy.id,
    };
  }

  const granted = [...effective];
  if (isClientCredentials && !usingDefaults) {
    for (const name of defaults) {
      if (!granted.includes(name) && (rule.anyScope || rule.scopes.includes(name))) granted.push(name);
    }
  }
  return {
    ok: true,
    policyId: policy.id,
    policyName: policy.name,
    ruleId: rule.id,
    ruleName: rule.name,
    grantedScopes: granted,
    accessTokenLifetimeMinutes: rule.accessTokenLifetimeMinutes,
    refreshTokenLifetimeMinutes: rule.refreshTokenLifetimeMinutes,
    refreshTokenWindowMinutes: rule.refreshTokenWindowMinutes,
  };
}

function deny(error: PolicyDenial["error"], description: string, reason: string): PolicyDenial {
  return { ok: false, error, description, reason };
}

function peopleMatch(rule: SnapshotRule, user: PolicyInput["user"], groups: ReadonlySet<string>, everyoneGroupId: string | null): boolean {
  if (!user) return false;
  const inGroup = (id: string) => id === EVERYONE || (everyoneGroupId !== null && id === everyoneGroupId) || groups.has(id);
  const { users, groups: groupCondition } = rule.people;
  if (users.exclude.includes(user.id) || groupCondition.exclude.some(inGroup)) return false;
  return users.include.includes(user.id) || groupCondition.include.some(inGroup);
}

function scopesMatch(rule: SnapshotRule, scopes: readonly string[]): boolean {
  return rule.anyScope || scopes.every((name) => isOidcScope(name) || rule.scopes.includes(name));
}

function noRuleReason(policy: SnapshotPolicy, grantType: GrantType, user: PolicyInput["user"], scopes: readonly string[]): string {
  const subject = user ? `user ${user.id}` : "the client";
  return `no_matching_rule: no ACTIVE rule of policy '${policy.name}' (${policy.id}) matches grant type ${grantType}, ${subject} and scopes [${scopes.join(" ")}].`;
}
