import type { Db } from "../db/create-db-client";
import { inRoleOrder } from "./load-admin-roles";
import type { AssigneeType } from "./role-assignee";
import type { RoleType } from "./role-types";

export type AdminHolder = {
  assigneeType: AssigneeType;
  id: string;
  /** the user's login, the group's name, the app's label */
  name: string;
  /** a user's "First Last" (else the login), a group's or app's name */
  displayName: string;
  /** a user's or app's status; null for a group */
  status: string | null;
  roles: Array<{ id: string; type: RoleType }>;
};

/**
 * Every principal holding an admin role (the dashboard's Admins page): users, then groups, then
 * apps, each by name, with their own assignments in ROLE_TYPES order. One query (the assignments
 * with their assignee's names), however many admins there are.
 */
export async function listAdmins(db: Db): Promise<AdminHolder[]> {
  const rows = await db.roleAssignment.findMany({
    select: {
      id: true,
      type: true,
      assigneeType: true,
      user: { select: { id: true, login: true, status: true, profile: true } },
      group: { select: { id: true, name: true } },
      app: { select: { id: true, label: true, status: true } },
    },
  });
  const holders = new Map<string, AdminHolder>();
  for (const row of rows) {
    const holder = holderOf(row);
    if (!holder) continue;
    const key = `${holder.assigneeType}:${holder.id}`;
    const entry = holders.get(key) ?? holder;
    entry.roles.push({ id: row.id, type: row.type as RoleType });
    holders.set(key, entry);
  }
  const kinds: AssigneeType[] = ["USER", "GROUP", "APP"];
  return [...holders.values()]
    .map((holder) => ({ ...holder, roles: inRoleOrder(holder.roles.map((role) => role.type)).map((type) => holder.roles.find((role) => role.type === type)!) }))
    .sort((a, b) => kinds.indexOf(a.assigneeType) - kinds.indexOf(b.assigneeType) || a.name.localeCompare(b.name));
}

type Row = {
  user: { id: string; login: string; status: string; profile: unknown } | null;
  group: { id: string; name: string } | null;
  app: { id: string; label: string; status: string } | null;
};

function holderOf(row: Row): AdminHolder | null {
  if (row.user) {
    const profile = (row.user.profile ?? {}) as { firstName?: unknown; lastName?: unknown };
    const displayName = [profile.firstName, profile.lastName].filter((part) => typeof part === "string" && part).join(" ") || row.user.login;
    return { assigneeType: "USER", id: row.user.id, name: row.user.login, displayName, status: row.user.status, roles: [] };
  }
  if (row.group) return { assigneeType: "GROUP", id: row.group.id, name: row.group.name, displayName: row.group.name, status: null, roles: [] };
  if (row.app) return { assigneeType: "APP", id: row.app.id, name: row.app.label, displayName: row.app.label, status: row.app.status, roles: [] };
  return null;
}
