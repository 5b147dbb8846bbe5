import { ROLE_LABELS, ROLE_TYPES, isRoleType, type RoleType } from "../admin-roles/role-types";

export type { RoleType };
export type { Permission } from "../admin-roles/permissions";

/** The admin roles as the dashboard offers them (Okta's labels, in ROLE_TYPES order). */
export const ROLE_OPTIONS: ReadonlyArray<{ type: RoleType; label: string }> = ROLE_TYPES.map((type) => ({ type, label: ROLE_LABELS[type] }));

/** A role's label; an unknown type as it is. */
export function roleLabel(type: string): string {
  return isRoleType(type) ? ROLE_LABELS[type] : type;
}
