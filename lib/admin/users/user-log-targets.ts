import type { LogTarget } from "../../system-log/write-system-log";

type NamedUser = { id: string; login: string; profile: unknown };

/** "First Last", or the login when the profile has no name. */
export function userDisplayName(user: NamedUser): string {
  const profile = (user.profile ?? {}) as { firstName?: unknown; lastName?: unknown };
  const name = [profile.firstName, profile.lastName].filter((part) => typeof part === "string" && part).join(" ");
  return name || user.login;
}

/** The System Log target for a user: [{id, type: "User", alternateId: login, displayName}]. */
export function userLogTargets(user: NamedUser): LogTarget[] {
  return [{ id: user.id, type: "User", alternateId: user.login, displayName: userDisplayName(user) }];
}
