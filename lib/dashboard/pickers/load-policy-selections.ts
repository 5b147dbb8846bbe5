import type { AdminCall } from "../dashboard-context";
import { loadPickerSelection } from "./load-picker-selection";
import type { PickerOption } from "./picker-option";

type IncludeExclude = { include: string[]; exclude: string[] };
type PolicyClients = { conditions: { clients: { include: string[] } } };
type RulePeopleConditions = { conditions: { people: { users: IncludeExclude; groups: IncludeExclude } } };

export type RulePeople = { users: Map<string, PickerOption>; groups: Map<string, PickerOption> };

/** The apps access policies name (by client_id; ALL_CLIENTS is a mode, not an app). */
export function loadPolicyClients(call: AdminCall, policies: readonly PolicyClients[]): Promise<Map<string, PickerOption>> {
  return loadPickerSelection(call, "client", policies.flatMap((policy) => policy.conditions.clients.include.filter((id) => id !== "ALL_CLIENTS")));
}

/** The users and groups policy rules name, included or excluded (EVERYONE is a mode, not a group). */
export async function loadRulePeople(call: AdminCall, rules: readonly RulePeopleConditions[]): Promise<RulePeople> {
  const people = rules.map((rule) => rule.conditions.people);
  const [users, groups] = await Promise.all([
    loadPickerSelection(call, "user", people.flatMap((p) => [...p.users.include, ...p.users.exclude])),
    loadPickerSelection(call, "group", people.flatMap((p) => [...p.groups.include, ...p.groups.exclude].filter((id) => id !== "EVERYONE"))),
  ]);
  return { users, groups };
}
