import type { runListGroups } from "../../admin/groups/list-groups";
import type { runListUsers } from "../../admin/users/list-users";
import type { PickerOption } from "./picker-option";

/** A user and a group as the list operations answer them. */
export type UserJson = Awaited<ReturnType<typeof runListUsers>>["items"][number];
export type GroupJson = Awaited<ReturnType<typeof runListGroups>>["items"][number];
export type ClientRow = { clientId: string; label: string; status: string };

const unlessActive = (status: string) => (status === "ACTIVE" ? "" : ` · ${status}`);

export function userOption(user: UserJson): PickerOption {
  const name = [user.profile.firstName, user.profile.lastName].filter(Boolean).join(" ");
  return { value: user.id, label: user.profile.login, detail: `${name || user.id}${unlessActive(user.status)}` };
}

export function groupOption(group: GroupJson): PickerOption {
  return { value: group.id, label: group.profile.name, detail: group.type === "BUILT_IN" ? "Built-in group" : (group.profile.description ?? undefined) || undefined };
}

export function clientOption(app: ClientRow): PickerOption {
  return { value: app.clientId, label: app.label, detail: `${app.clientId}${unlessActive(app.status)}` };
}
