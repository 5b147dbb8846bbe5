import type { LogTarget } from "../../system-log/write-system-log";

export function userTarget(user: { id: string; login: string; profile: unknown }): LogTarget {
  const profile = (user.profile ?? {}) as { firstName?: string; lastName?: string };
  const displayName = [profile.firstName, profile.lastName].filter(Boolean).join(" ") || user.login;
  return { id: user.id, type: "User", alternateId: user.login, displayName };
}

export function groupTarget(group: { id: string; name: string }): LogTarget {
  return { id: group.id, type: "UserGroup", displayName: group.name };
}
