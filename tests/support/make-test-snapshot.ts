import { SYSTEM_CLAIMS } from "@/lib/authorization-servers/system-claims";
import { SYSTEM_SCOPES } from "@/lib/authorization-servers/system-scopes";
import { GRANT_TYPES } from "@/lib/oauth/grant-types";
import { buildServerSnapshot, type PolicyRow, type PolicyRuleRow, type ScopeRow, type ServerRow } from "@/lib/oauth/snapshot/build-server-snapshot";
import type { ClaimRow } from "@/lib/oauth/snapshot/compile-snapshot-claim";
import type { ServerSnapshot } from "@/lib/oauth/snapshot/types";

/**
 * Test support (unit tests of the policy engine and the claim builders): a snapshot built through
 * buildServerSnapshot from row-shaped literals, with the system scopes and claims every server has.
 */
export function makeTestSnapshot(input: {
  server?: Partial<ServerRow>;
  policies?: PolicyRow[];
  scopes?: Array<Partial<ScopeRow> & { name: string }>;
  claims?: Array<Partial<ClaimRow> & { name: string; value: string }>;
  /** replaces the system claims (e.g. one with alwaysIncludeInToken false) */
  systemClaims?: ClaimRow[];
  everyoneGroupId?: string | null;
}): ServerSnapshot {
  const snapshot = buildServerSnapshot({
    server: {
      id: "default",
      name: "default",
      description: null,
      audiences: ["api://default"],
      issuerMode: "ORG_URL",
      status: "ACTIVE",
      isDefault: true,
      configVersion: 0,
      ...input.server,
    },
    policies: input.policies ?? [],
    scopes: [
      ...SYSTEM_SCOPES.map((scope) => ({ name: scope.name, description: scope.description, consent: scope.consent, isDefault: false, metadataPublish: "ALL_CLIENTS", system: true })),
      ...(input.scopes ?? []).map((scope) => ({ description: null, consent: "IMPLICIT", isDefault: false, metadataPublish: "NO_CLIENTS", system: false, ...scope })),
    ],
    claims: [
      ...(input.systemClaims ??
        SYSTEM_CLAIMS.map((claim, index) => ({
          id: `oclsystem${String(index).padStart(11, "0")}`,
          name: claim.name,
          status: "ACTIVE",
          claimType: claim.claimType,
          valueType: "SYSTEM",
          value: claim.value,
          groupFilterType: null,
          alwaysIncludeInToken: true,
          conditionScopes: claim.scopes,
          system: true,
        }))),
      ...(input.claims ?? []).map((claim, index) => ({
        id: `oclcustom${String(index).padStart(11, "0")}`,
        status: "ACTIVE",
        claimType: "RESOURCE",
        valueType: "EXPRESSION",
        groupFilterType: null,
        alwaysIncludeInToken: true,
        conditionScopes: [],
        system: false,
        ...claim,
      })),
    ],
    everyoneGroupId: input.everyoneGroupId === undefined ? "00geveryone000000000" : input.everyoneGroupId,
  });
  if (!snapshot) throw new Error("makeTestSnapshot: the server is not ACTIVE");
  return snapshot;
}

let ruleCount = 0;

/** A rule row: every grant, EVERYONE, any scope, 60 / 0 / 10080 minutes unless overridden. */
export function makeTestRule(overrides: Partial<Omit<PolicyRuleRow, "conditions">> & {
  users?: { include?: string[]; exclude?: string[] };
  groups?: { include?: string[]; exclude?: string[] };
  grantTypes?: string[];
  scopes?: string[];
} = {}): PolicyRuleRow {
  ruleCount += 1;
  const { users, groups, grantTypes, scopes, ...row } = overrides;
  return {
    id: `0prrule${String(ruleCount).padStart(13, "0")}`,
    name: `Rule ${ruleCount}`,
    status: "ACTIVE",
    priority: 1,
    conditions: {
      people: {
        users: { include: users?.include ?? [], exclude: users?.exclude ?? [] },
        groups: { include: groups?.include ?? (users ? [] : ["EVERYONE"]), exclude: groups?.exclude ?? [] },
      },
      grantTypes: { include: grantTypes ?? [...GRANT_TYPES] },
      scopes: { include: scopes ?? ["*"] },
    },
    accessTokenLifetimeMinutes: 60,
    refreshTokenLifetimeMinutes: 0,
    refreshTokenWindowMinutes: 10_080,
    inlineHook: null,
    ...row,
  };
}

let policyCount = 0;

/** A policy row: ALL_CLIENTS, priority 1 unless overridden. */
export function makeTestPolicy(overrides: Partial<PolicyRow> = {}): PolicyRow {
  policyCount += 1;
  return {
    id: `00ppolicy${String(policyCount).padStart(11, "0")}`,
    name: `Policy ${policyCount}`,
    status: "ACTIVE",
    priority: 1,
    clientsInclude: ["ALL_CLIENTS"],
    rules: [],
    ...overrides,
  };
}
