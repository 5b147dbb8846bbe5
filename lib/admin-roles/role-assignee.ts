import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

/** Who a role is assigned to: a user, a group (every member holds it) or an app (its client_credentials tokens). */
export type AssigneeType = "USER" | "GROUP" | "APP";
export type AssigneeRef = { type: AssigneeType; id: string };

/**
 * An assignee as found: `name` the user's login, the group's name or the app's label (messages and
 * the System Log); `builtIn` a BUILT_IN group (Everyone); `user` and `app` what the log targets show.
 */
export type FoundAssignee = AssigneeRef & {
  name: string;
  builtIn: boolean;
  user?: { id: string; login: string; profile: unknown };
  app?: { id: string; label: string; name: string };
};

/** Okta's resource names in E0000007 "Not found" of each assignee type. */
const RESOURCE_TYPE: Record<AssigneeType, string> = { USER: "User", GROUP: "UserGroup", APP: "AppInstance" };

/** The assignee the path names, or 404 E0000007 (User, UserGroup, AppInstance). One query by primary key. */
export async function findRoleAssignee(db: Db | DbTx, ref: AssigneeRef): Promise<FoundAssignee> {
  const missing = () => notFoundError(ref.id, RESOURCE_TYPE[ref.type]);
  if (ref.type === "USER") {
    const user = await db.user.findUnique({ where: { id: ref.id }, select: { id: true, login: true, profile: true } });
    if (!user) throw missing();
    return { ...ref, name: user.login, builtIn: false, user };
  }
  if (ref.type === "GROUP") {
    const group = await db.group.findUnique({ where: { id: ref.id }, select: { id: true, name: true, type: true } });
    if (!group) throw missing();
    return { ...ref, name: group.name, builtIn: group.type !== "OKTA_GROUP" };
  }
  const app = await db.app.findUnique({ where: { id: ref.id }, select: { id: true, label: true, name: true } });
  if (!app) throw missing();
  return { ...ref, name: app.label, builtIn: false, app };
}

/** The RoleAssignment column that names an assignee of this type. */
export function assigneeWhere(ref: AssigneeRef): { userId: string } | { groupId: string } | { appId: string } {
  if (ref.type === "USER") return { userId: ref.id };
  if (ref.type === "GROUP") return { groupId: ref.id };
  return { appId: ref.id };
}
