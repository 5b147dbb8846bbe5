import type { Group } from "../../db/generated/sqlite/client";
import type { LogTarget } from "../../system-log/write-system-log";

/** The System Log target of a group. */
export function groupLogTarget(group: Pick<Group, "id" | "name">): LogTarget {
  return { id: group.id, type: "UserGroup", displayName: group.name };
}
