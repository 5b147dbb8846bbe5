import { compileSnapshotClaim, type ClaimRow } from "./compile-snapshot-claim";
import { deepFreeze } from "./deep-freeze";
import { serverPaths } from "./org-authorization-server";
import { readStringList } from "./read-string-list";
import type { ServerSnapshot, SnapshotClaim, SnapshotPolicy, SnapshotRule, SnapshotScope } from "./types";

export type ServerRow = {
  id: string;
  name: string;
  description: string | null;
  audiences: unknown;
  issuerMode: string;
  status: string;
  isDefault: boolean;
  configVersion: number;
};

export type PolicyRuleRow = {
  id: string;
  name: string;
  status: string;
  priority: number;
  conditions: unknown;
  accessTokenLifetimeMinutes: number;
  refreshTokenLifetimeMinutes: number;
  refreshTokenWindowMinutes: number;
  inlineHook: unknown;
};

export type PolicyRow = {
  id: string;
  name: string;
  status: string;
  priority: number;
  clientsInclude: unknown;
  rules: readonly PolicyRuleRow[];
};

export type ScopeRow = {
  name: string;
  description: string | null;
  consent: string;
  isDefault: boolean;
  metadataPublish: string;
  system: boolean;
};

/** What loadServerSnapshot reads; unit tests build it by hand. */
export type ServerSnapshotRows = {
  server: ServerRow;
  policies: readonly PolicyRow[];
  scopes: readonly ScopeRow[];
  claims: readonly ClaimRow[];
  everyoneGroupId: string | null;
};

const ALL_CLIENTS = "ALL_CLIENTS";
const ANY_SCOPE = "*";

/**
 * Builds the immutable snapshot of one server from its rows (pure). Null when the server is not
 * ACTIVE. INACTIVE policies, rules and claims are dropped here, so callers may pass every row.
 * Policies and rules are sorted by priority (ties by id, for a stable order); rule conditions are
 * read defensively, as the admin API's JSON view does, since rows may predate its normalisation.
 */
export function buildServerSnapshot(rows: ServerSnapshotRows): ServerSnapshot | null {
  const { server } = rows;
  if (server.status !== "ACTIVE") return null;

  const policies: SnapshotPolicy[] = rows.policies
    .filter((policy) => policy.status === "ACTIVE")
    .sort(byPriority)
    .map((policy) => {
      const clientsInclude = readStringList(policy.clientsInclude);
      return {
        id: policy.id,
        name: policy.name,
        priority: policy.priority,
        clientsInclude,
        allClients: clientsInclude.includes(ALL_CLIENTS),
        rules: policy.rules
          .filter((rule) => rule.status === "ACTIVE")
          .sort(byPriority)
          .map(toSnapshotRule),
      };
    });

  const scopes: SnapshotScope[] = rows.scopes
    .map((scope) => ({
      name: scope.name,
      description: scope.description,
      consent: scope.consent,
      isDefault: scope.isDefault,
      metadataPublish: scope.metadataPublish,
      system: scope.system,
    }))
    .sort((a, b) => compareStrings(a.name, b.name));
  const scopesByName = Object.create(null) as Record<string, SnapshotScope>;
  for (const scope of scopes) scopesByName[scope.name] = scope;

  const claims: SnapshotClaim[] = rows.claims
    .map(compileSnapshotClaim)
    .filter((claim): claim is SnapshotClaim => claim !== null)
    .sort((a, b) => compareStrings(a.claimType, b.claimType) || compareStrings(a.name, b.name) || compareStrings(a.id, b.id));

  return deepFreeze({
    id: server.id,
    name: server.name,
    description: server.description,
    audiences: readStringList(server.audiences),
    issuerPath: serverPaths(server.id).issuerPath,
    issuerMode: server.issuerMode,
    status: "ACTIVE",
    isDefault: server.isDefault,
    configVersion: server.configVersion,
    everyoneGroupId: rows.everyoneGroupId,
    policies,
    scopes,
    scopesByName,
    claims,
  });
}

type DeepPartialConditions = {
  people?: { users?: { include?: unknown; exclude?: unknown }; groups?: { include?: unknown; exclude?: unknown } };
  grantTypes?: { include?: unknown };
  scopes?: { include?: unknown };
};

function toSnapshotRule(rule: PolicyRuleRow): SnapshotRule {
  const conditions = (isObject(rule.conditions) ? rule.conditions : {}) as DeepPartialConditions;
  const people = isObject(conditions.people) ? conditions.people : {};
  const users = isObject(people.users) ? people.users : {};
  const groups = isObject(people.groups) ? people.groups : {};
  const scopes = readStringList(isObject(conditions.scopes) ? conditions.scopes.include : undefined);
  return {
    id: rule.id,
    name: rule.name,
    priority: rule.priority,
    people: {
      users: { include: readStringList(users.include), exclude: readStringList(users.exclude) },
      groups: { include: readStringList(groups.include), exclude: readStringList(groups.exclude) },
    },
    grantTypes: readStringList(isObject(conditions.grantTypes) ? conditions.grantTypes.include : undefined),
    scopes,
    anyScope: scopes.includes(ANY_SCOPE),
    accessTokenLifetimeMinutes: rule.accessTokenLifetimeMinutes,
    refreshTokenLifetimeMinutes: rule.refreshTokenLifetimeMinutes,
    refreshTokenWindowMinutes: rule.refreshTokenWindowMinutes,
    inlineHook: rule.inlineHook ?? null,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function byPriority(a: { priority: number; id: string }, b: { priority: number; id: string }): number {
  return a.priority - b.priority || compareStrings(a.id, b.id);
}

/** Code-unit order, independent of the host's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
