import type { GroupFilter } from "../../claims/compile-group-filter";
import type { ElNode } from "../../el";

export type IncludeExclude = { readonly include: readonly string[]; readonly exclude: readonly string[] };

/** An ACTIVE rule of an ACTIVE policy, normalised (conditions read defensively, lists de-duplicated). */
export type SnapshotRule = {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly people: { readonly users: IncludeExclude; readonly groups: IncludeExclude };
  readonly grantTypes: readonly string[];
  /** scope names the rule allows; `anyScope` is true when the list is ["*"] */
  readonly scopes: readonly string[];
  readonly anyScope: boolean;
  readonly accessTokenLifetimeMinutes: number;
  /** 0 = unlimited */
  readonly refreshTokenLifetimeMinutes: number;
  readonly refreshTokenWindowMinutes: number;
  readonly inlineHook: unknown;
};

/** An ACTIVE policy with its ACTIVE rules in priority order. */
export type SnapshotPolicy = {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  /** conditions.clients.include as stored */
  readonly clientsInclude: readonly string[];
  /** clientsInclude contains ALL_CLIENTS */
  readonly allClients: boolean;
  readonly rules: readonly SnapshotRule[];
};

export type SnapshotScope = {
  readonly name: string;
  readonly description: string | null;
  /** IMPLICIT | REQUIRED | FLEXIBLE */
  readonly consent: string;
  readonly isDefault: boolean;
  /** ALL_CLIENTS | NO_CLIENTS */
  readonly metadataPublish: string;
  readonly system: boolean;
};

/** How a claim's value is produced at run time; compiled once when the snapshot is built. */
export type CompiledClaimValue =
  | { readonly kind: "expression"; readonly ast: ElNode }
  | { readonly kind: "groups"; readonly filter: GroupFilter }
  /** SYSTEM claims: the token builders produce these values themselves. */
  | { readonly kind: "system" }
  /** The stored definition does not parse/compile: skipped (with a warning) at run time. */
  | { readonly kind: "invalid"; readonly message: string };

/** An ACTIVE claim. */
export type SnapshotClaim = {
  readonly id: string;
  readonly name: string;
  readonly claimType: "RESOURCE" | "IDENTITY";
  readonly valueType: "EXPRESSION" | "GROUPS" | "SYSTEM";
  readonly value: string;
  readonly groupFilterType: string | null;
  readonly alwaysIncludeInToken: boolean;
  /** conditions.scopes: the claim applies when empty or when one of them is granted */
  readonly conditionScopes: readonly string[];
  readonly system: boolean;
  readonly compiled: CompiledClaimValue;
};

/**
 * A plain, deeply frozen copy of one ACTIVE authorization server's configuration: everything the
 * token service needs to evaluate policies and build claims without touching the database.
 */
export type ServerSnapshot = {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly audiences: readonly string[];
  /** `/oauth2/${id}` ("" for the org authorization server): the issuer is ORG_URL + this path */
  readonly issuerPath: string;
  readonly issuerMode: string;
  readonly status: "ACTIVE";
  readonly isDefault: boolean;
  readonly configVersion: number;
  /**
   * The id of the BUILT_IN group Everyone (null if it does not exist). Membership in it is implicit
   * (no GroupMembership rows), so a rule naming it matches every user, like "EVERYONE".
   */
  readonly everyoneGroupId: string | null;
  /** ACTIVE policies by priority (ties by id), each with its ACTIVE rules by priority. */
  readonly policies: readonly SnapshotPolicy[];
  /** Every scope of the server, by name (ties cannot happen: names are unique per server). */
  readonly scopes: readonly SnapshotScope[];
  /** Scope lookup by exact (case-sensitive) name; a null-prototype frozen object. */
  readonly scopesByName: Readonly<Record<string, SnapshotScope>>;
  /** ACTIVE claims, by claimType then name. */
  readonly claims: readonly SnapshotClaim[];
};
