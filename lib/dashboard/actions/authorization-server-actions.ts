import { createAuthorizationServer } from "../../admin/authorization-servers/create-authorization-server";
import { deleteAuthorizationServer } from "../../admin/authorization-servers/delete-authorization-server";
import { replaceAuthorizationServer } from "../../admin/authorization-servers/replace-authorization-server";
import { activateAuthorizationServer, deactivateAuthorizationServer } from "../../admin/authorization-servers/set-authorization-server-status";
import { createClaim } from "../../admin/claims/create-claim";
import { deleteClaim } from "../../admin/claims/delete-claim";
import { replaceClaim } from "../../admin/claims/replace-claim";
import { rotateAuthorizationServerKeys } from "../../admin/keys/rotate-authorization-server-keys";
import { createPolicy } from "../../admin/policies/create-policy";
import { deletePolicy } from "../../admin/policies/delete-policy";
import { getPolicy } from "../../admin/policies/get-policy";
import { replacePolicy } from "../../admin/policies/replace-policy";
import { activatePolicy, deactivatePolicy } from "../../admin/policies/set-policy-status";
import { createPolicyRule } from "../../admin/policy-rules/create-policy-rule";
import { deletePolicyRule } from "../../admin/policy-rules/delete-policy-rule";
import { getPolicyRule } from "../../admin/policy-rules/get-policy-rule";
import { replacePolicyRule } from "../../admin/policy-rules/replace-policy-rule";
import { activatePolicyRule, deactivatePolicyRule } from "../../admin/policy-rules/set-policy-rule-status";
import { createScope } from "../../admin/scopes/create-scope";
import { deleteScope } from "../../admin/scopes/delete-scope";
import { replaceScope } from "../../admin/scopes/replace-scope";
import type { AdminCall } from "../dashboard-context";
import { checked, numberOrText, optionalText, text, values, type FormInput } from "../form-input";
import { runAdminOperation } from "../run-admin-operation";
import { failure, idParam, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const AS = "/api/v1/authorizationServers";
const page = (id: string, tab = "") => `/admin/authorization-servers/${id}${tab ? `/${tab}` : ""}`;

function serverBody(form: FormInput) {
  const audience = text(form, "audience").trim();
  return {
    name: text(form, "name"),
    description: optionalText(form, "description"),
    audiences: audience ? [audience] : [],
    issuerMode: text(form, "issuerMode") || "ORG_URL",
    credentials: { signing: { rotationMode: text(form, "rotationMode") || "AUTO" } },
  };
}

function ids(form: FormInput) {
  const authServerId = idParam(text(form, "authServerId"));
  return { authServerId, base: `${AS}/${authServerId}` };
}

function scopeBody(form: FormInput) {
  return {
    name: text(form, "name").trim(),
    displayName: optionalText(form, "displayName"),
    description: optionalText(form, "description"),
    consent: text(form, "consent") || "IMPLICIT",
    default: checked(form, "default"),
    metadataPublish: text(form, "metadataPublish") || "NO_CLIENTS",
  };
}

function claimBody(form: FormInput) {
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

function policyBody(form: FormInput) {
  const clients = text(form, "clientsMode") === "ALL_CLIENTS" ? ["ALL_CLIENTS"] : values(form, "clients");
  return {
    type: "OAUTH_AUTHORIZATION_POLICY",
    name: text(form, "name"),
    description: optionalText(form, "description"),
    conditions: { clients: { include: clients } },
  };
}

/** The rule form: people (everyone, or chosen users/groups, plus exclusions), grants, scopes, lifetimes. */
export function ruleBody(form: FormInput) {
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
        accessTokenLifetimeMinutes: numberOrText(form, "accessTokenLifetimeMinutes"),
        refreshTokenLifetimeMinutes: numberOrText(form, "refreshTokenLifetimeMinutes"),
        refreshTokenWindowMinutes: numberOrText(form, "refreshTokenWindowMinutes"),
      },
    },
  };
}

const run = runAdminOperation;

/** Moves a policy or rule one place up or down: a replace with the neighbouring priority (the API keeps priorities dense). */
async function move(call: AdminCall, form: FormInput, kind: "policy" | "rule") {
  const { authServerId, base } = ids(form);
  const policyId = idParam(text(form, "policyId"));
  const ruleId = idParam(text(form, "ruleId"));
  const params = { authServerId, policyId, ruleId };
  const path = kind === "policy" ? `${base}/policies/${policyId}` : `${base}/policies/${policyId}/rules/${ruleId}`;
  const current = await run(call, kind === "policy" ? getPolicy : getPolicyRule, { path, params });
  if (!current.ok) return failure(current);
  const delta = text(form, "direction") === "up" ? -1 : 1;
  const priority = Math.max(1, (current.body.priority as number) + delta);
  const result = await run(call, kind === "policy" ? replacePolicy : replacePolicyRule, { path, params, method: "PUT", body: { ...current.body, priority } });
  return outcome(result, `Moved ${kind} "${current.body.name}" to priority ${priority}.`);
}

export const authorizationServerActions: Record<string, DashboardAction> = {
  "authorizationServer.create": async (call, form) => {
    const result = await run(call, createAuthorizationServer, { path: AS, method: "POST", body: serverBody(form) });
    return outcome(result, `Created authorization server "${result.ok ? result.body.name : ""}".`, result.ok ? page(result.body.id) : undefined);
  },
  "authorizationServer.update": async (call, form) => {
    const { authServerId, base } = ids(form);
    const result = await run(call, replaceAuthorizationServer, { path: base, method: "PUT", params: { authServerId }, body: serverBody(form) });
    return outcome(result, "Saved the authorization server's settings.");
  },
  "authorizationServer.activate": async (call, form) => {
    const { authServerId, base } = ids(form);
    return outcome(await run(call, activateAuthorizationServer, { path: `${base}/lifecycle/activate`, method: "POST", params: { authServerId } }), "Activated the authorization server.");
  },
  "authorizationServer.deactivate": async (call, form) => {
    const { authServerId, base } = ids(form);
    return outcome(await run(call, deactivateAuthorizationServer, { path: `${base}/lifecycle/deactivate`, method: "POST", params: { authServerId } }), "Deactivated the authorization server.");
  },
  "authorizationServer.delete": async (call, form) => {
    const { authServerId, base } = ids(form);
    return outcome(await run(call, deleteAuthorizationServer, { path: base, method: "DELETE", params: { authServerId } }), "Deleted the authorization server.", "/admin/authorization-servers");
  },
  "authorizationServer.rotateKeys": async (call, form) => {
    const { authServerId, base } = ids(form);
    const result = await run(call, rotateAuthorizationServerKeys, { path: `${base}/credentials/lifecycle/keyRotate`, method: "POST", params: { authServerId }, body: { use: "sig" } });
    return outcome(result, "Rotated the signing keys: the NEXT key is now ACTIVE.");
  },

  "scope.create": async (call, form) => {
    const { authServerId, base } = ids(form);
    const result = await run(call, createScope, { path: `${base}/scopes`, method: "POST", params: { authServerId }, body: scopeBody(form) });
    return outcome(result, `Created scope "${result.ok ? result.body.name : ""}".`, page(authServerId, "scopes"));
  },
  "scope.update": async (call, form) => {
    const { authServerId, base } = ids(form);
    const scopeId = idParam(text(form, "scopeId"));
    const result = await run(call, replaceScope, { path: `${base}/scopes/${scopeId}`, method: "PUT", params: { authServerId, scopeId }, body: scopeBody(form) });
    return outcome(result, `Saved scope "${result.ok ? result.body.name : ""}".`, page(authServerId, "scopes"));
  },
  "scope.delete": async (call, form) => {
    const { authServerId, base } = ids(form);
    const scopeId = idParam(text(form, "scopeId"));
    return outcome(await run(call, deleteScope, { path: `${base}/scopes/${scopeId}`, method: "DELETE", params: { authServerId, scopeId } }), "Deleted the scope.", page(authServerId, "scopes"));
  },

  "claim.create": async (call, form) => {
    const { authServerId, base } = ids(form);
    const result = await run(call, createClaim, { path: `${base}/claims`, method: "POST", params: { authServerId }, body: claimBody(form) });
    return outcome(result, `Created claim "${result.ok ? result.body.name : ""}".`, page(authServerId, "claims"));
  },
  "claim.update": async (call, form) => {
    const { authServerId, base } = ids(form);
    const claimId = idParam(text(form, "claimId"));
    const result = await run(call, replaceClaim, { path: `${base}/claims/${claimId}`, method: "PUT", params: { authServerId, claimId }, body: claimBody(form) });
    return outcome(result, `Saved claim "${result.ok ? result.body.name : ""}".`, page(authServerId, "claims"));
  },
  "claim.delete": async (call, form) => {
    const { authServerId, base } = ids(form);
    const claimId = idParam(text(form, "claimId"));
    return outcome(await run(call, deleteClaim, { path: `${base}/claims/${claimId}`, method: "DELETE", params: { authServerId, claimId } }), "Deleted the claim.", page(authServerId, "claims"));
  },

  "policy.create": async (call, form) => {
    const { authServerId, base } = ids(form);
    const result = await run(call, createPolicy, { path: `${base}/policies`, method: "POST", params: { authServerId }, body: policyBody(form) });
    return outcome(result, `Created access policy "${result.ok ? result.body.name : ""}".`, result.ok ? `${page(authServerId, "policies")}/${result.body.id}` : undefined);
  },
  "policy.update": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    const path = `${base}/policies/${policyId}`;
    const current = await run(call, getPolicy, { path, params: { authServerId, policyId } });
    if (!current.ok) return failure(current);
    const body = { ...policyBody(form), status: current.body.status, priority: current.body.priority };
    return outcome(await run(call, replacePolicy, { path, method: "PUT", params: { authServerId, policyId }, body }), "Saved the access policy.");
  },
  "policy.delete": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    return outcome(await run(call, deletePolicy, { path: `${base}/policies/${policyId}`, method: "DELETE", params: { authServerId, policyId } }), "Deleted the access policy.", page(authServerId, "policies"));
  },
  "policy.activate": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    return outcome(await run(call, activatePolicy, { path: `${base}/policies/${policyId}/lifecycle/activate`, method: "POST", params: { authServerId, policyId } }), "Activated the access policy.");
  },
  "policy.deactivate": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    return outcome(await run(call, deactivatePolicy, { path: `${base}/policies/${policyId}/lifecycle/deactivate`, method: "POST", params: { authServerId, policyId } }), "Deactivated the access policy.");
  },
  "policy.move": (call, form) => move(call, form, "policy"),

  "rule.create": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    const result = await run(call, createPolicyRule, { path: `${base}/policies/${policyId}/rules`, method: "POST", params: { authServerId, policyId }, body: ruleBody(form) });
    return outcome(result, `Created rule "${result.ok ? result.body.name : ""}".`, `${page(authServerId, "policies")}/${policyId}`);
  },
  "rule.update": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    const ruleId = idParam(text(form, "ruleId"));
    const path = `${base}/policies/${policyId}/rules/${ruleId}`;
    const current = await run(call, getPolicyRule, { path, params: { authServerId, policyId, ruleId } });
    if (!current.ok) return failure(current);
    const body = { ...ruleBody(form), status: current.body.status, priority: current.body.priority };
    const result = await run(call, replacePolicyRule, { path, method: "PUT", params: { authServerId, policyId, ruleId }, body });
    return outcome(result, `Saved rule "${result.ok ? result.body.name : ""}".`, `${page(authServerId, "policies")}/${policyId}`);
  },
  "rule.delete": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    const ruleId = idParam(text(form, "ruleId"));
    return outcome(await run(call, deletePolicyRule, { path: `${base}/policies/${policyId}/rules/${ruleId}`, method: "DELETE", params: { authServerId, policyId, ruleId } }), "Deleted the rule.", `${page(authServerId, "policies")}/${policyId}`);
  },
  "rule.activate": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    const ruleId = idParam(text(form, "ruleId"));
    return outcome(await run(call, activatePolicyRule, { path: `${base}/policies/${policyId}/rules/${ruleId}/lifecycle/activate`, method: "POST", params: { authServerId, policyId, ruleId } }), "Activated the rule.");
  },
  "rule.deactivate": async (call, form) => {
    const { authServerId, base } = ids(form);
    const policyId = idParam(text(form, "policyId"));
    const ruleId = idParam(text(form, "ruleId"));
    return outcome(await run(call, deactivatePolicyRule, { path: `${base}/policies/${policyId}/rules/${ruleId}/lifecycle/deactivate`, method: "POST", params: { authServerId, policyId, ruleId } }), "Deactivated the rule.");
  },
  "rule.move": (call, form) => move(call, form, "rule"),
};
