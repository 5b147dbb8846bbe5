import type { Group } from "../../db/generated/sqlite/client";
import type { LogTarget } from "../../system-log/write-system-log";
import { groupLogTarget } from "./group-log-target";

/** System Log targets of a membership change: the user, then the group (as Okta logs them). */
export function memberLogTargets(user: { id: string; login: string; profile: unknown }, group: Pick<Group, "id" | "name">): LogTarget[] {
  const profile = (user.profile ?? {}) as { firstName?: string; lastName?: string };
  const displayName = [profile.firstName, profile.lastName].filter(Boolean).join(" ") || user.login;
  return [{ id: user.id, type: "User", alternateId: user.login, displayName }, groupLogTarget(group)];
}
