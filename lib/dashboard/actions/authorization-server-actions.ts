import { runCreateAuthorizationServer } from "../../admin/authorization-servers/create-authorization-server";
import { runDeleteAuthorizationServer } from "../../admin/authorization-servers/delete-authorization-server";
import type { AuthorizationServerBody } from "../../admin/authorization-servers/authorization-server-input";
import { runReplaceAuthorizationServer } from "../../admin/authorization-servers/replace-authorization-server";
import { runActivateAuthorizationServer, runDeactivateAuthorizationServer } from "../../admin/authorization-servers/set-authorization-server-status";
import type { ClaimBody } from "../../admin/claims/claim-input";
import { runCreateClaim } from "../../admin/claims/create-claim";
import { runDeleteClaim } from "../../admin/claims/delete-claim";
import { runReplaceClaim } from "../../admin/claims/replace-claim";
import { runRotateAuthorizationServerKeys } from "../../admin/keys/rotate-authorization-server-keys";
import { runCreatePolicy } from "../../admin/policies/create-policy";
import { runDeletePolicy } from "../../admin/policies/delete-policy";
import { runGetPolicy } from "../../admin/policies/get-policy";
import type { PolicyBody } from "../../admin/policies/policy-input";
import { runReplacePolicy } from "../../admin/policies/replace-policy";
import { runActivatePolicy, runDeactivatePolicy } from "../../admin/policies/set-policy-status";
import { runCreatePolicyRule } from "../../admin/policy-rules/create-policy-rule";
import { runDeletePolicyRule } from "../../admin/policy-rules/delete-policy-rule";
import type { PolicyRuleIds } from "../../authorization-servers/policies/find-policy-rule";
import { runGetPolicyRule } from "../../admin/policy-rules/get-policy-rule";
import type { PolicyRuleBody } from "../../admin/policy-rules/policy-rule-input";
import { runReplacePolicyRule } from "../../admin/policy-rules/replace-policy-rule";
import { runActivatePolicyRule, runDeactivatePolicyRule } from "../../admin/policy-rules/set-policy-rule-status";
import { runCreateScope } from "../../admin/scopes/create-scope";
import { runDeleteScope } from "../../admin/scopes/delete-scope";
import { runReplaceScope } from "../../admin/scopes/replace-scope";
import type { ScopeBody } from "../../admin/scopes/scope-input";
import { callOperation } from "../call-operation";
import type { AdminCall } from "../dashboard-context";
import { checked, numberField, optionalText, text, values, type FormInput } from "../form-input";
import { failure, idParam, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const page = (id: string, tab = "") => `/admin/authorization-servers/${id}${tab ? `/${tab}` : ""}`;
const serverId = (form: FormInput) => idParam(text(form, "authServerId"));
const policyIds = (form: FormInput) => ({ authServerId: serverId(form), policyId: idParam(text(form, "policyId")) });
const ruleIds = (form: FormInput): PolicyRuleIds => ({ ...policyIds(form), ruleId: idParam(text(form, "ruleId")) });

function serverBody(form: FormInput): AuthorizationServerBody {
  const audience = text(form, "audience").trim();
  return {
    name: text(form, "name"),
    description: optionalText(form, "description"),
    audiences: audience ? [audience] : [],
    issuerMode: text(form, "issuerMode") || "ORG_URL",
    credentials: { signing: { rotationMode: text(form, "rotationMode") || "AUTO" } },
  };
}

function scopeBody(form: FormInput): ScopeBody {
  return {
    name: text(form, "name").trim(),
    displayName: optionalText(form, "displayName"),
    description: optionalText(form, "description"),
    consent: text(form, "consent") || "IMPLICIT",
    default: checked(form, "default"),
    metadataPublish: text(form, "metadataPublish") || "NO_CLIENTS",
  };
}

function claimBody(form: FormInput): ClaimBody {
  const valueType = text(form, "valueType") || "EXPRESSION";
  return {
    name: text(form, "name").trim(),
    status: text(form, "status") || "ACTIVE",
    claimType: text(form, "claimType"),
    valueType,
    value: text(form, "value"),
    ...(valueType === "GROUPS" ? { group_filter_type: text(form, "groupFilterType") || null } : {}),
    alwaysIncludeInToken: checked(form, "alwaysIncludeInToken"),
    conditions: { scopes: text(form, "scopeMode") === "any" ? [] : values(form, "conditionScopes") },
  };
}

function policyBody(form: FormInput): PolicyBody {
  const clients = text(form, "clientsMode") === "ALL_CLIENTS" ? ["ALL_CLIENTS"] : values(form, "clients");
  return {
    type: "OAUTH_AUTHORIZATION_POLICY",
    name: text(form, "name"),
    description: optionalText(form, "description"),
    conditions: { clients: { include: clients } },
  };
}

/** The rule form: people (everyone, or chosen users/groups, plus exclusions), grants, scopes, lifetimes. */
export function ruleBody(form: FormInput): PolicyRuleBody {
  const everyone = text(form, "peopleMode") !== "SELECTED";
  return {
    type: "RESOURCE_ACCESS",
    name: text(form, "name"),
    conditions: {
      people: {
        users: { include: everyone ? [] : values(form, "includeUsers"), exclude: values(form, "excludeUsers") },
        groups: { include: everyone ? ["EVERYONE"] : values(form, "includeGroups"), exclude: values(form, "excludeGroups") },
      },
      grantTypes: { include: values(form, "grantTypes") },
      scopes: { include: text(form, "scopesMode") === "SELECTED" ? values(form, "scopes") : ["*"] },
    },
    actions: {
      token: {
        accessTokenLifetimeMinutes: numberField(form, "accessTokenLifetimeMinutes"),
        refreshTokenLifetimeMinutes: numberField(form, "refreshTokenLifetimeMinutes"),
        refreshTokenWindowMinutes: numberField(form, "refreshTokenWindowMinutes"),
      },
    },
  };
}

/** Moves a policy or rule one place up or down: a replace with the neighbouring priority (the API keeps priorities dense). */
async function move(call: AdminCall, form: FormInput, kind: "policy" | "rule") {
  const ids = ruleIds(form);
  const delta = text(form, "direction") === "up" ? -1 : 1;
  const moved = (current: { name: string; priority: number }) => ({ name: current.name, priority: Math.max(1, current.priority + delta) });
  if (kind === "policy") {
    const current = await callOperation(call, (ctx) => runGetPolicy(ctx, ids.authServerId, ids.policyId));
    if (!current.ok) return failure(current);
    const { priority } = moved(current.value);
    const result = await callOperation(call, (ctx) => runReplacePolicy(ctx, ids.authServerId, ids.policyId, () => ({ ...current.value, priority })));
    return outcome(result, `Moved policy "${current.value.name}" to priority ${priority}.`);
  }
  const current = await callOperation(call, (ctx) => runGetPolicyRule(ctx, ids));
  if (!current.ok) return failure(current);
  const { priority } = moved(current.value);
  const result = await callOperation(call, (ctx) => runReplacePolicyRule(ctx, ids, () => ({ ...current.value, priority })));
  return outcome(result, `Moved rule "${current.value.name}" to priority ${priority}.`);
}

export const authorizationServerActions: Record<string, DashboardAction> = {
  "authorizationServer.create": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runCreateAuthorizationServer(ctx, () => serverBody(form))), (server) => `Created authorization server "${server.name}".`, (server) => page(server.id)),
  "authorizationServer.update": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runReplaceAuthorizationServer(ctx, serverId(form), () => serverBody(form))), "Saved the authorization server's settings."),
  "authorizationServer.activate": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runActivateAuthorizationServer(ctx, serverId(form))), "Activated the authorization server."),
  "authorizationServer.deactivate": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runDeactivateAuthorizationServer(ctx, serverId(form))), "Deactivated the authorization server."),
  "authorizationServer.delete": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runDeleteAuthorizationServer(ctx, serverId(form))), "Deleted the authorization server.", "/admin/authorization-servers"),
  "authorizationServer.rotateKeys": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runRotateAuthorizationServerKeys(ctx, serverId(form), () => ({ use: "sig" }))), "Rotated the signing keys: the NEXT key is now ACTIVE."),

  "scope.create": async (call, form) => {
    const authServerId = serverId(form);
    const result = await callOperation(call, (ctx) => runCreateScope(ctx, authServerId, () => scopeBody(form)));
    return outcome(result, (scope) => `Created scope "${scope.name}".`, page(authServerId, "scopes"));
  },
  "scope.update": async (call, form) => {
    const authServerId = serverId(form);
    const result = await callOperation(call, (ctx) => runReplaceScope(ctx, authServerId, idParam(text(form, "scopeId")), () => scopeBody(form)));
    return outcome(result, (scope) => `Saved scope "${scope.name}".`, page(authServerId, "scopes"));
  },
  "scope.delete": async (call, form) => {
    const authServerId = serverId(form);
    return outcome(await callOperation(call, (ctx) => runDeleteScope(ctx, authServerId, idParam(text(form, "scopeId")))), "Deleted the scope.", page(authServerId, "scopes"));
  },

  "claim.create": async (call, form) => {
    const authServerId = serverId(form);
    const result = await callOperation(call, (ctx) => runCreateClaim(ctx, authServerId, () => claimBody(form)));
    return outcome(result, (claim) => `Created claim "${claim.name}".`, page(authServerId, "claims"));
  },
  "claim.update": async (call, form) => {
    const authServerId = serverId(form);
    const result = await callOperation(call, (ctx) => runReplaceClaim(ctx, authServerId, idParam(text(form, "claimId")), () => claimBody(form)));
    return outcome(result, (claim) => `Saved claim "${claim.name}".`, page(authServerId, "claims"));
  },
  "claim.delete": async (call, form) => {
    const authServerId = serverId(form);
    return outcome(await callOperation(call, (ctx) => runDeleteClaim(ctx, authServerId, idParam(text(form, "claimId")))), "Deleted the claim.", page(authServerId, "claims"));
  },

  "policy.create": async (call, form) => {
    const authServerId = serverId(form);
    const result = await callOperation(call, (ctx) => runCreatePolicy(ctx, authServerId, () => policyBody(form)));
    return outcome(result, (policy) => `Created access policy "${policy.name}".`, (policy) => `${page(authServerId, "policies")}/${policy.id}`);
  },
  "policy.update": async (call, form) => {
    const { authServerId, policyId } = policyIds(form);
    const current = await callOperation(call, (ctx) => runGetPolicy(ctx, authServerId, policyId));
    if (!current.ok) return failure(current);
    const body = { ...policyBody(form), status: current.value.status, priority: current.value.priority };
    return outcome(await callOperation(call, (ctx) => runReplacePolicy(ctx, authServerId, policyId, () => body)), "Saved the access policy.");
  },
  "policy.delete": async (call, form) => {
    const { authServerId, policyId } = policyIds(form);
    return outcome(await callOperation(call, (ctx) => runDeletePolicy(ctx, authServerId, policyId)), "Deleted the access policy.", page(authServerId, "policies"));
  },
  "policy.activate": async (call, form) => {
    const { authServerId, policyId } = policyIds(form);
    return outcome(await callOperation(call, (ctx) => runActivatePolicy(ctx, authServerId, policyId)), "Activated the access policy.");
  },
  "policy.deactivate": async (call, form) => {
    const { authServerId, policyId } = policyIds(form);
    return outcome(await callOperation(call, (ctx) => runDeactivatePolicy(ctx, authServerId, policyId)), "Deactivated the access policy.");
  },
  "policy.move": (call, form) => move(call, form, "policy"),

  "rule.create": async (call, form) => {
    const { authServerId, policyId } = policyIds(form);
    const result = await callOperation(call, (ctx) => runCreatePolicyRule(ctx, authServerId, policyId, () => ruleBody(form)));
    return outcome(result, (rule) => `Created rule "${rule.name}".`, `${page(authServerId, "policies")}/${policyId}`);
  },
  "rule.update": async (call, form) => {
    const ids = ruleIds(form);
    const current = await callOperation(call, (ctx) => runGetPolicyRule(ctx, ids));
    if (!current.ok) return failure(current);
    const body = { ...ruleBody(form), status: current.value.status, priority: current.value.priority };
    const result = await callOperation(call, (ctx) => runReplacePolicyRule(ctx, ids, () => body));
    return outcome(result, (rule) => `Saved rule "${rule.name}".`, `${page(ids.authServerId, "policies")}/${ids.policyId}`);
  },
  "rule.delete": async (call, form) => {
    const ids = ruleIds(form);
    return outcome(await callOperation(call, (ctx) => runDeletePolicyRule(ctx, ids)), "Deleted the rule.", `${page(ids.authServerId, "policies")}/${ids.policyId}`);
  },
  "rule.activate": async (call, form) => outcome(await callOperation(call, (ctx) => runActivatePolicyRule(ctx, ruleIds(form))), "Activated the rule."),
  "rule.deactivate": async (call, form) => outcome(await callOperation(call, (ctx) => runDeactivatePolicyRule(ctx, ruleIds(form))), "Deactivated the rule."),
  "rule.move": (call, form) => move(call, form, "rule"),
};
