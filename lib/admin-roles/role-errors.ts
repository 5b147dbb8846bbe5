import { AdminApiError, validationError } from "../okta-api/admin-api-error";
import { ROLE_TYPES } from "./role-types";

/** 400 E0000001 on `type`: not one of the standard roles this server supports (ROLE_TYPES). */
export const invalidRoleTypeError = (value: unknown) =>
  validationError("type", [`type: ${typeof value === "string" && value !== "" ? `'${value}' is not a supported role type` : "The field cannot be left blank"}; use one of ${ROLE_TYPES.join(", ")}.`]);

/**
 * 409 E0000090: the assignee already holds the role (Okta's "Duplicate administrator role" for a
 * standard role assigned twice; the pair is unique in RoleAssignment).
 */
export const duplicateRoleError = (type: string, assignee: string) =>
  new AdminApiError(409, "E0000090", "Duplicate administrator role", [`The role ${type} is already assigned to ${assignee}.`]);

/** 400 E0000060: a BUILT_IN group (Everyone, every user implicitly) carries no admin role. */
export const builtInGroupRoleError = (groupName: string) =>
  new AdminApiError(400, "E0000060", "Unsupported operation.", [`The BUILT_IN group ${groupName} contains every user implicitly and cannot hold an admin role.`]);

/**
 * 400 E0000001: the change would leave no ACTIVE user holding SUPER_ADMIN (directly or through a
 * group), and nobody could assign roles again (the bootstrap runs once).
 */
export const lastSuperAdminError = (what: string) =>
  validationError("role", [`${what} would leave no active super administrator, and no one could assign admin roles again. Make another user an active super administrator first.`]);
