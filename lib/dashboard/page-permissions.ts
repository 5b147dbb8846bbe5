import type { Permission } from "../admin-roles/permissions";

/**
 * THE permission table of the dashboard's pages: a page needs the permission of the longest entry
 * its path starts with (whole segments: "/admin/users" covers "/admin/users/123"); null: any admin.
 * The pages' loaders refuse an admin whose roles lack it (adminCall: the forbidden page) and the
 * navigation leaves the page out. tests/dashboard/page-permissions.test.ts checks every page file
 * under app/admin against it.
 */
export const PAGE_PERMISSIONS: Readonly<Record<string, Permission | null>> = {
  "/admin": null,
  "/admin/admins": "roles.read",
  "/admin/authorization-servers": "authorizationServers.read",
  "/admin/authorization-servers/new": "authorizationServers.manage",
  "/admin/applications": "apps.read",
  "/admin/applications/new": "apps.manage",
  "/admin/users": "users.read",
  "/admin/users/new": "users.manage",
  "/admin/groups": "groups.read",
  "/admin/sign-on-policies": "policies.read",
  "/admin/network-zones": "networkZones.read",
  "/admin/trusted-origins": "trustedOrigins.read",
  "/admin/api-tokens": "apiTokens.read",
  "/admin/system-log": "logs.read",
  /** its messages hold recovery and activation links */
  "/admin/outbox": "outbox.read",
  "/admin/branding": "brands.read",
  "/admin/settings": "orgs.read",
};

/**
 * The table's entry a dashboard path falls under. "/admin" covers only itself: a path no other entry
 * covers (an encoded or differently cased spelling of a page's path too) has none, and no admin may
 * open it, so that the table fails closed.
 */
export function pageEntry(pathname: string): string | undefined {
  if (pathname === "/admin") return pathname;
  const segments = pathname.split("/");
  for (let length = segments.length; length > 2; length--) {
    const prefix = segments.slice(0, length).join("/");
    if (Object.hasOwn(PAGE_PERMISSIONS, prefix)) return prefix;
  }
  return undefined;
}

/** Whether an admin holding these permissions (permissionsOf their roles) may open the page at `pathname`; a path outside the dashboard: no. */
export function mayView(permissions: readonly Permission[], pathname: string): boolean {
  const entry = pageEntry(pathname);
  if (entry === undefined) return false;
  const permission = PAGE_PERMISSIONS[entry]!;
  return permission === null || permissions.includes(permission);
}

/** The request header the proxy sets to the requested dashboard page's path (any value a client sent is dropped). */
export const ADMIN_PAGE_PATH_HEADER = "x-admin-page-path";
