import type { RoleAssignment } from "../../db/generated/sqlite/client";
import type { AssigneeType } from "../../admin-roles/role-assignee";
import { ROLE_LABELS, type RoleType } from "../../admin-roles/role-types";
import { isoTime, link } from "../../okta-api/links";

/** Okta's assignmentType of each assignee (an app's roles are its OAuth client's: CLIENT). */
const ASSIGNMENT_TYPE: Record<AssigneeType, "USER" | "GROUP" | "CLIENT"> = { USER: "USER", GROUP: "GROUP", APP: "CLIENT" };
const ASSIGNEE_PATH: Record<AssigneeType, string> = { USER: "users", GROUP: "groups", APP: "apps" };

/**
 * Okta's Role object (Roles API, standard roles): id (ra1...), label, type, status ACTIVE, created,
 * lastUpdated, assignmentType, and _links.assignee, the user, group or app holding it.
 */
export function roleJson(orgUrl: string, row: RoleAssignment) {
  const assigneeType = row.assigneeType as AssigneeType;
  const assigneeId = row.userId ?? row.groupId ?? row.appId ?? "";
  return {
    id: row.id,
    label: ROLE_LABELS[row.type as RoleType] ?? row.type,
    type: row.type,
    status: "ACTIVE",
    created: isoTime(row.created),
    lastUpdated: isoTime(row.lastUpdated),
    assignmentType: ASSIGNMENT_TYPE[assigneeType],
    _links: { assignee: link(orgUrl, `/api/v1/${ASSIGNEE_PATH[assigneeType]}/${assigneeId}`) },
  };
}

export type RoleJson = ReturnType<typeof roleJson>;
