/**
 * Okta's standard admin roles (Roles API `type`). Each grants the permissions in ROLE_PERMISSIONS
 * (./permissions.ts); a user holds the union of their own roles and their groups' roles.
 */
export const ROLE_TYPES = [
  "SUPER_ADMIN",
  "ORG_ADMIN",
  "APP_ADMIN",
  "USER_ADMIN",
  "GROUP_MEMBERSHIP_ADMIN",
  "API_ACCESS_MANAGEMENT_ADMIN",
  "REPORT_ADMIN",
  "READ_ONLY_ADMIN",
] as const;

export type RoleType = (typeof ROLE_TYPES)[number];

/** Okta's `label` of each role. */
export const ROLE_LABELS: Readonly<Record<RoleType, string>> = {
  SUPER_ADMIN: "Super Administrator",
  ORG_ADMIN: "Organizational Administrator",
  APP_ADMIN: "Application Administrator",
  USER_ADMIN: "Group Administrator",
  GROUP_MEMBERSHIP_ADMIN: "Group Membership Administrator",
  API_ACCESS_MANAGEMENT_ADMIN: "API Access Management Administrator",
  REPORT_ADMIN: "Report Administrator",
  READ_ONLY_ADMIN: "Read-only Administrator",
};

export function isRoleType(value: unknown): value is RoleType {
  return typeof value === "string" && (ROLE_TYPES as readonly string[]).includes(value);
}
