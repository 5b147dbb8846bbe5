import type { RoleType } from "./role-types";

/**
 * THE permission model of the management surfaces (the /api/v1 routes, the dashboard's pages and
 * actions). A permission is `<resource>.<read|manage>`; each admin role holds a fixed set
 * (ROLE_PERMISSIONS), each API route and dashboard action requires one (lib/admin/route-permissions.ts,
 * lib/dashboard/actions/action-permissions.ts), and an OAuth 2.0 access token for the management API
 * must also carry one of the permission's scopes (SCOPES_FOR_PERMISSION).
 */
export const RESOURCES = [
  "users",
  "groups",
  /** adding and removing group members only (GROUP_MEMBERSHIP_ADMIN) */
  "groupMembership",
  "apps",
  "clients",
  "authorizationServers",
  "trustedOrigins",
  "logs",
  "roles",
  "policies",
  "factors",
  "orgs",
  "apiTokens",
  "networkZones",
  "brands",
  "appGrants",
  /** the development outbox holds recovery and activation links: SUPER_ADMIN only, never by OAuth */
  "outbox",
] as const;

export type Resource = (typeof RESOURCES)[number];
export type Permission = `${Resource}.read` | `${Resource}.manage`;

const ALL: readonly Permission[] = RESOURCES.flatMap((resource) => [`${resource}.read`, `${resource}.manage`] as Permission[]);
const readsOf = (...resources: Resource[]): Permission[] => resources.map((resource) => `${resource}.read` as Permission);
const managesOf = (...resources: Resource[]): Permission[] => resources.flatMap((resource) => [`${resource}.read`, `${resource}.manage`] as Permission[]);
/** Everything an admin may look at, except the outbox's links. */
const READ_ALL = readsOf(...RESOURCES.filter((resource) => resource !== "outbox"));

/**
 * What each role may do (Okta's standard roles, narrowed to this product's resources):
 * - SUPER_ADMIN: everything, the only role that assigns roles and grants okta.* scopes to apps.
 * - ORG_ADMIN: reads everything but the outbox; manages the directory, apps, policies and org settings,
 *   not roles, scope grants or authorization servers.
 * - APP_ADMIN: apps and their clients (assignments included); reads users and groups to assign them.
 * - USER_ADMIN (Okta's "Group Administrator"): users, groups, memberships and factors.
 * - GROUP_MEMBERSHIP_ADMIN: reads users and groups, adds and removes members.
 * - API_ACCESS_MANAGEMENT_ADMIN: authorization servers (scopes, claims, policies), reads apps and groups.
 * - REPORT_ADMIN: the System Log.
 * - READ_ONLY_ADMIN: reads everything but the outbox, changes nothing.
 * Target rules on top (lib/admin-roles/check-target-rules.ts): a user who holds an admin role, and
 * a group that carries one, are managed by a SUPER_ADMIN only.
 */
export const ROLE_PERMISSIONS: Readonly<Record<RoleType, readonly Permission[]>> = {
  SUPER_ADMIN: ALL,
  ORG_ADMIN: [
    ...READ_ALL,
    ...managesOf("users", "groups", "groupMembership", "apps", "clients", "trustedOrigins", "policies", "factors", "orgs", "apiTokens", "networkZones", "brands"),
  ],
  APP_ADMIN: [...managesOf("apps", "clients"), ...readsOf("users", "groups", "authorizationServers", "policies")],
  USER_ADMIN: [...managesOf("users", "groups", "groupMembership", "factors"), ...readsOf("apps")],
  GROUP_MEMBERSHIP_ADMIN: [...readsOf("users", "groups"), ...managesOf("groupMembership")],
  API_ACCESS_MANAGEMENT_ADMIN: [...managesOf("authorizationServers"), ...readsOf("apps", "clients", "groups", "users", "policies")],
  REPORT_ADMIN: readsOf("logs"),
  READ_ONLY_ADMIN: READ_ALL,
};

/** Whether any of `roles` grants `permission`. No roles: not an admin, nothing is allowed. */
export function rolesAllow(roles: readonly RoleType[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/**
 * OAuth 2.0 for Okta: the `okta.*` scopes the org authorization server issues for the management API
 * (granted to an app through /api/v1/apps/{appId}/grants). `.manage` includes `.read`.
 */
export const OKTA_SCOPES = [
  "okta.users.read",
  "okta.users.manage",
  "okta.groups.read",
  "okta.groups.manage",
  "okta.apps.read",
  "okta.apps.manage",
  "okta.clients.read",
  "okta.clients.manage",
  "okta.authorizationServers.read",
  "okta.authorizationServers.manage",
  "okta.trustedOrigins.read",
  "okta.trustedOrigins.manage",
  "okta.logs.read",
  "okta.roles.read",
  "okta.roles.manage",
  "okta.policies.read",
  "okta.policies.manage",
  "okta.factors.read",
  "okta.factors.manage",
  "okta.orgs.read",
  "okta.orgs.manage",
  "okta.apiTokens.read",
  "okta.apiTokens.manage",
  "okta.networkZones.read",
  "okta.networkZones.manage",
  "okta.brands.read",
  "okta.brands.manage",
  "okta.appGrants.read",
  "okta.appGrants.manage",
] as const;

export type OktaScope = (typeof OKTA_SCOPES)[number];

export function isKnownOktaScope(value: string): value is OktaScope {
  return (OKTA_SCOPES as readonly string[]).includes(value);
}

/** Resources whose routes Okta guards with another resource's scopes (a user's factors: okta.users.*). */
const ALSO_SCOPED_AS: Partial<Record<Resource, Resource>> = { factors: "users", groupMembership: "groups" };

/**
 * The scopes, any one of which lets an access token use a route needing `permission` (the token's
 * principal must hold the permission too). Empty: not available to OAuth tokens at all (the outbox).
 */
export function scopesForPermission(permission: Permission): OktaScope[] {
  const [resource, action] = permission.split(".") as [Resource, "read" | "manage"];
  const names = [resource, ALSO_SCOPED_AS[resource]].filter((name): name is Resource => name !== undefined);
  const candidates = names.flatMap((name) => (action === "read" ? [`okta.${name}.read`, `okta.${name}.manage`] : [`okta.${name}.manage`]));
  return candidates.filter(isKnownOktaScope);
}
