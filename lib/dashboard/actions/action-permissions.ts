import { ROLE_PERMISSIONS, type Permission } from "../../admin-roles/permissions";
import type { RoleType } from "../../admin-roles/role-types";

/**
 * THE permission table of the dashboard's actions: each action (DASHBOARD_ACTIONS, by its `_action`
 * name) needs one permission (lib/admin-roles/permissions.ts), the one the management API route
 * doing the same change needs (lib/admin/route-permissions.ts). runDashboardAction refuses an admin
 * whose roles lack it ("forbidden", nothing read or changed) and ActionForm renders its button
 * disabled for them. Kept free of the actions themselves so that client components can read it.
 * tests/dashboard/action-permissions.test.ts checks it against DASHBOARD_ACTIONS both ways.
 */
export const ACTION_PERMISSIONS: Readonly<Record<string, Permission>> = {
  "authorizationServer.create": "authorizationServers.manage",
  "authorizationServer.update": "authorizationServers.manage",
  "authorizationServer.activate": "authorizationServers.manage",
  "authorizationServer.deactivate": "authorizationServers.manage",
  "authorizationServer.delete": "authorizationServers.manage",
  "authorizationServer.rotateKeys": "authorizationServers.manage",
  "scope.create": "authorizationServers.manage",
  "scope.update": "authorizationServers.manage",
  "scope.delete": "authorizationServers.manage",
  "claim.create": "authorizationServers.manage",
  "claim.update": "authorizationServers.manage",
  "claim.delete": "authorizationServers.manage",
  "policy.create": "authorizationServers.manage",
  "policy.update": "authorizationServers.manage",
  "policy.delete": "authorizationServers.manage",
  "policy.activate": "authorizationServers.manage",
  "policy.deactivate": "authorizationServers.manage",
  "policy.move": "authorizationServers.manage",
  "rule.create": "authorizationServers.manage",
  "rule.update": "authorizationServers.manage",
  "rule.delete": "authorizationServers.manage",
  "rule.activate": "authorizationServers.manage",
  "rule.deactivate": "authorizationServers.manage",
  "rule.move": "authorizationServers.manage",

  "app.create": "apps.manage",
  "app.update": "apps.manage",
  "app.activate": "apps.manage",
  "app.deactivate": "apps.manage",
  "app.delete": "apps.manage",
  "app.secret.create": "apps.manage",
  "app.secret.activate": "apps.manage",
  "app.secret.deactivate": "apps.manage",
  "app.secret.delete": "apps.manage",
  "app.assignUser": "apps.manage",
  "app.unassignUser": "apps.manage",
  "app.assignGroup": "apps.manage",
  "app.unassignGroup": "apps.manage",

  "user.create": "users.manage",
  "user.update": "users.manage",
  "user.setPassword": "users.manage",
  "user.resetPassword": "users.manage",
  "user.expirePassword": "users.manage",
  "user.activate": "users.manage",
  "user.suspend": "users.manage",
  "user.unsuspend": "users.manage",
  "user.unlock": "users.manage",
  "user.deactivate": "users.manage",
  "user.delete": "users.manage",
  "user.addGroup": "groupMembership.manage",
  "user.removeGroup": "groupMembership.manage",
  "user.revokeSession": "users.manage",
  "user.revokeAllSessions": "users.manage",
  "factor.reset": "factors.manage",
  "factor.resetAll": "factors.manage",

  "group.create": "groups.manage",
  "group.update": "groups.manage",
  "group.delete": "groups.manage",
  "group.addMember": "groupMembership.manage",
  "group.removeMember": "groupMembership.manage",

  "trustedOrigin.create": "trustedOrigins.manage",
  "trustedOrigin.update": "trustedOrigins.manage",
  "trustedOrigin.activate": "trustedOrigins.manage",
  "trustedOrigin.deactivate": "trustedOrigins.manage",
  "trustedOrigin.delete": "trustedOrigins.manage",

  "apiToken.create": "apiTokens.manage",
  "apiToken.revoke": "apiTokens.manage",

  "org.updateSettings": "orgs.manage",

  "orgPolicy.create": "policies.manage",
  "orgPolicy.update": "policies.manage",
  "orgPolicy.delete": "policies.manage",
  "orgPolicy.activate": "policies.manage",
  "orgPolicy.deactivate": "policies.manage",
  "orgPolicy.move": "policies.manage",
  "orgRule.create": "policies.manage",
  "orgRule.update": "policies.manage",
  "orgRule.delete": "policies.manage",
  "orgRule.activate": "policies.manage",
  "orgRule.deactivate": "policies.manage",
  "orgRule.move": "policies.manage",
  // PUT /api/v1/apps/{appId}/policies/{policyId}
  "accessPolicy.assignApp": "apps.manage",

  "appGrant.grant": "appGrants.manage",
  "appGrant.revoke": "appGrants.manage",

  "zone.create": "networkZones.manage",
  "zone.update": "networkZones.manage",
  "zone.activate": "networkZones.manage",
  "zone.deactivate": "networkZones.manage",
  "zone.delete": "networkZones.manage",

  "branding.updateBrand": "brands.manage",
  "branding.updateTheme": "brands.manage",
  "branding.updateSignIn": "brands.manage",
  "branding.uploadImage": "brands.manage",
  "branding.removeImage": "brands.manage",

  "role.assign": "roles.manage",
  "role.unassign": "roles.manage",
};

/** The permission an action needs; undefined for a name that is no action (refused as unknown). */
export function actionPermission(name: string): Permission | undefined {
  return Object.hasOwn(ACTION_PERMISSIONS, name) ? ACTION_PERMISSIONS[name] : undefined;
}

/** Every permission these roles hold, deduplicated (what the layout hands to the forms). */
export function permissionsOf(roles: readonly RoleType[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]))];
}
