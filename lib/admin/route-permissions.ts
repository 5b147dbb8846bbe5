import type { Permission } from "../admin-roles/permissions";

export type AdminMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

/**
 * What a management API route needs: a permission (lib/admin-roles/permissions.ts: the caller's
 * roles must grant it, and an OAuth access token must carry one of its scopes), or "self": any
 * authenticated admin, acting on their own things (the API token in use, their own API tokens:
 * the operation shows and revokes others' only with apiTokens.read / apiTokens.manage).
 */
export type RouteRequirement = Permission | "self";

/**
 * THE permission table of the management API: every route served by adminRoutes
 * (app/_http/admin-routes.ts), by its route file's path under /api/v1 (the dynamic client
 * registration routes by their full path, /oauth2/v1/clients...; dynamic segments as in app/), and
 * method. A request whose path or method is not here is refused (lib/admin/handle-admin-request.ts).
 * tests/admin/route-permissions.test.ts checks it against the route files both ways (a route without
 * an entry, or an entry without a route, fails) and calls every route as every role.
 */
export const ADMIN_ROUTE_PERMISSIONS: Readonly<Record<string, Partial<Record<AdminMethod, RouteRequirement>>>> = {
  "/api-tokens": { GET: "self" },
  "/api-tokens/[apiTokenId]": { GET: "self", DELETE: "self" },
  "/api-tokens/current": { DELETE: "self" },
  "/apps": { GET: "apps.read", POST: "apps.manage" },
  "/apps/[appId]": { GET: "apps.read", PUT: "apps.manage", DELETE: "apps.manage" },
  "/apps/[appId]/credentials/secrets": { GET: "apps.read", POST: "apps.manage" },
  "/apps/[appId]/credentials/secrets/[secretId]": { GET: "apps.read", DELETE: "apps.manage" },
  "/apps/[appId]/credentials/secrets/[secretId]/lifecycle/activate": { POST: "apps.manage" },
  "/apps/[appId]/credentials/secrets/[secretId]/lifecycle/deactivate": { POST: "apps.manage" },
  "/apps/[appId]/grants": { GET: "appGrants.read", POST: "appGrants.manage" },
  "/apps/[appId]/grants/[grantId]": { GET: "appGrants.read", DELETE: "appGrants.manage" },
  "/apps/[appId]/groups": { GET: "apps.read" },
  "/apps/[appId]/groups/[groupId]": { GET: "apps.read", PUT: "apps.manage", DELETE: "apps.manage" },
  "/apps/[appId]/lifecycle/activate": { POST: "apps.manage" },
  "/apps/[appId]/lifecycle/deactivate": { POST: "apps.manage" },
  "/apps/[appId]/policies/[policyId]": { PUT: "apps.manage" },
  "/apps/[appId]/roles": { GET: "roles.read", POST: "roles.manage" },
  "/apps/[appId]/roles/[roleAssignmentId]": { GET: "roles.read", DELETE: "roles.manage" },
  "/apps/[appId]/users": { GET: "apps.read", POST: "apps.manage" },
  "/apps/[appId]/users/[userId]": { GET: "apps.read", POST: "apps.manage", DELETE: "apps.manage" },
  "/authorizationServers": { GET: "authorizationServers.read", POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]": { GET: "authorizationServers.read", PUT: "authorizationServers.manage", DELETE: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/claims": { GET: "authorizationServers.read", POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/claims/[claimId]": { GET: "authorizationServers.read", PUT: "authorizationServers.manage", DELETE: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/clients": { GET: "authorizationServers.read" },
  "/authorizationServers/[authServerId]/clients/[clientId]/tokens": { GET: "authorizationServers.read", DELETE: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/clients/[clientId]/tokens/[tokenId]": { GET: "authorizationServers.read", DELETE: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/credentials/keys": { GET: "authorizationServers.read" },
  "/authorizationServers/[authServerId]/credentials/keys/[keyId]": { GET: "authorizationServers.read" },
  "/authorizationServers/[authServerId]/credentials/lifecycle/keyRotate": { POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/lifecycle/activate": { POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/lifecycle/deactivate": { POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies": { GET: "authorizationServers.read", POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies/[policyId]": { GET: "authorizationServers.read", PUT: "authorizationServers.manage", DELETE: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies/[policyId]/lifecycle/activate": { POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies/[policyId]/lifecycle/deactivate": { POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies/[policyId]/rules": { GET: "authorizationServers.read", POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies/[policyId]/rules/[ruleId]": { GET: "authorizationServers.read", PUT: "authorizationServers.manage", DELETE: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies/[policyId]/rules/[ruleId]/lifecycle/activate": { POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/policies/[policyId]/rules/[ruleId]/lifecycle/deactivate": { POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/scopes": { GET: "authorizationServers.read", POST: "authorizationServers.manage" },
  "/authorizationServers/[authServerId]/scopes/[scopeId]": { GET: "authorizationServers.read", PUT: "authorizationServers.manage", DELETE: "authorizationServers.manage" },
  "/brands": { GET: "brands.read" },
  "/brands/[brandId]": { GET: "brands.read", PUT: "brands.manage" },
  "/brands/[brandId]/pages/sign-in/customized": { GET: "brands.read", PUT: "brands.manage", DELETE: "brands.manage" },
  "/brands/[brandId]/themes": { GET: "brands.read" },
  "/brands/[brandId]/themes/[themeId]": { GET: "brands.read", PUT: "brands.manage" },
  "/brands/[brandId]/themes/[themeId]/background-image": { POST: "brands.manage", DELETE: "brands.manage" },
  "/brands/[brandId]/themes/[themeId]/logo": { POST: "brands.manage", DELETE: "brands.manage" },
  "/groups": { GET: "groups.read", POST: "groups.manage" },
  "/groups/[groupId]": { GET: "groups.read", PUT: "groups.manage", DELETE: "groups.manage" },
  "/groups/[groupId]/apps": { GET: "groups.read" },
  "/groups/[groupId]/roles": { GET: "roles.read", POST: "roles.manage" },
  "/groups/[groupId]/roles/[roleAssignmentId]": { GET: "roles.read", DELETE: "roles.manage" },
  "/groups/[groupId]/users": { GET: "groups.read" },
  "/groups/[groupId]/users/[userId]": { PUT: "groupMembership.manage", DELETE: "groupMembership.manage" },
  "/logs": { GET: "logs.read" },
  "/org/settings": { GET: "orgs.read", POST: "orgs.manage" },
  "/policies": { GET: "policies.read", POST: "policies.manage" },
  "/policies/[policyId]": { GET: "policies.read", PUT: "policies.manage", DELETE: "policies.manage" },
  "/policies/[policyId]/app": { GET: "policies.read" },
  "/policies/[policyId]/lifecycle/activate": { POST: "policies.manage" },
  "/policies/[policyId]/lifecycle/deactivate": { POST: "policies.manage" },
  "/policies/[policyId]/rules": { GET: "policies.read", POST: "policies.manage" },
  "/policies/[policyId]/rules/[ruleId]": { GET: "policies.read", PUT: "policies.manage", DELETE: "policies.manage" },
  "/policies/[policyId]/rules/[ruleId]/lifecycle/activate": { POST: "policies.manage" },
  "/policies/[policyId]/rules/[ruleId]/lifecycle/deactivate": { POST: "policies.manage" },
  "/trustedOrigins": { GET: "trustedOrigins.read", POST: "trustedOrigins.manage" },
  "/trustedOrigins/[trustedOriginId]": { GET: "trustedOrigins.read", PUT: "trustedOrigins.manage", DELETE: "trustedOrigins.manage" },
  "/trustedOrigins/[trustedOriginId]/lifecycle/activate": { POST: "trustedOrigins.manage" },
  "/trustedOrigins/[trustedOriginId]/lifecycle/deactivate": { POST: "trustedOrigins.manage" },
  "/users": { GET: "users.read", POST: "users.manage" },
  "/users/[userId]": { GET: "users.read", POST: "users.manage", PUT: "users.manage", DELETE: "users.manage" },
  "/users/[userId]/factors": { GET: "factors.read", POST: "factors.manage" },
  "/users/[userId]/factors/[factorId]": { GET: "factors.read", DELETE: "factors.manage" },
  "/users/[userId]/factors/[factorId]/lifecycle/activate": { POST: "factors.manage" },
  "/users/[userId]/factors/[factorId]/qr/[token]": { GET: "factors.read" },
  "/users/[userId]/factors/[factorId]/verify": { POST: "factors.manage" },
  "/users/[userId]/factors/catalog": { GET: "factors.read" },
  "/users/[userId]/groups": { GET: "users.read" },
  "/users/[userId]/lifecycle/activate": { POST: "users.manage" },
  "/users/[userId]/lifecycle/deactivate": { POST: "users.manage" },
  "/users/[userId]/lifecycle/expire_password": { POST: "users.manage" },
  "/users/[userId]/lifecycle/reactivate": { POST: "users.manage" },
  "/users/[userId]/lifecycle/reset_factors": { POST: "users.manage" },
  "/users/[userId]/lifecycle/reset_password": { POST: "users.manage" },
  "/users/[userId]/lifecycle/suspend": { POST: "users.manage" },
  "/users/[userId]/lifecycle/unlock": { POST: "users.manage" },
  "/users/[userId]/lifecycle/unsuspend": { POST: "users.manage" },
  "/users/[userId]/roles": { GET: "roles.read", POST: "roles.manage" },
  "/users/[userId]/roles/[roleAssignmentId]": { GET: "roles.read", DELETE: "roles.manage" },
  "/oauth2/v1/clients": { GET: "clients.read", POST: "clients.manage" },
  "/oauth2/v1/clients/[clientId]": { GET: "clients.read", PUT: "clients.manage", DELETE: "clients.manage" },
  "/oauth2/v1/clients/[clientId]/lifecycle/newSecret": { POST: "clients.manage" },
  "/zones": { GET: "networkZones.read", POST: "networkZones.manage" },
  "/zones/[zoneId]": { GET: "networkZones.read", PUT: "networkZones.manage", DELETE: "networkZones.manage" },
  "/zones/[zoneId]/lifecycle/activate": { POST: "networkZones.manage" },
  "/zones/[zoneId]/lifecycle/deactivate": { POST: "networkZones.manage" },
};

/**
 * Routes any admin may call on themselves: the table's permission applies to others, "self" when
 * the named parameter is "me" or the caller's own id (GET /users/me: every admin reads their own
 * profile).
 */
export const SELF_SERVICE: Readonly<Record<string, Partial<Record<AdminMethod, string>>>> = {
  "/users/[userId]": { GET: "userId" },
};

/**
 * What an OAuth 2.0 access token needs on a "self" request: one of the scopes of this permission
 * (RFC 6750 3.1, else 403 insufficient_scope). The roles do not matter there, the token's scopes
 * do: an admin's `openid profile` token is no management credential. A "self" route missing here
 * is refused to access tokens (fail closed).
 */
export const SELF_ROUTE_SCOPES: Readonly<Record<string, Partial<Record<AdminMethod, Permission>>>> = {
  "/api-tokens": { GET: "apiTokens.read" },
  "/api-tokens/[apiTokenId]": { GET: "apiTokens.read", DELETE: "apiTokens.manage" },
  "/api-tokens/current": { DELETE: "apiTokens.manage" },
  "/users/[userId]": { GET: "users.read" },
};
