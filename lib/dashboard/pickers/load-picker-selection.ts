import { runFindAppsByClientId } from "../../admin/apps/find-apps-by-client-id";
import { runListGroups } from "../../admin/groups/list-groups";
import { pageOf } from "../../admin/pagination";
import { runListUsers } from "../../admin/users/list-users";
import { callOperation } from "../call-operation";
import type { AdminCall } from "../dashboard-context";
import type { PickerKind, PickerOption } from "./picker-option";
import { groupOption, userOption, clientOption } from "./picker-options-from-json";

/** The user and group filters take at most 20 terms: ids are looked up 20 at a time. */
const IDS_PER_QUERY = 20;

/**
 * The entries a form has chosen, by id, whatever their position in the lists: a Map from every
 * given id to its option. Users and groups are read through the management API's own `search`
 * (`id eq "..." or ...`, every status); apps by client_id. An id that names nothing any more keeps
 * an option of its own (`missing`), so a form shows it and saving unchanged keeps it.
 */
export async function loadPickerSelection(call: AdminCall, kind: PickerKind, ids: Iterable<string>): Promise<Map<string, PickerOption>> {
  const wanted = [...new Set(ids)].filter((id) => id.length > 0);
  const found = new Map<string, PickerOption>();
  if (kind === "client") {
    const apps = await callOperation(call, (ctx) => runFindAppsByClientId(ctx, wanted));
    if (!apps.ok) throw new Error(`${apps.summary} ${apps.causes.join(" ")}`.trim());
    for (const app of apps.value) found.set(app.clientId, clientOption(app));
  } else {
    const chunks: string[][] = [];
    for (let i = 0; i < wanted.length; i += IDS_PER_QUERY) chunks.push(wanted.slice(i, i + IDS_PER_QUERY));
    const pages = await Promise.all(chunks.map((chunk) => readByIds(call, kind, chunk)));
    for (const option of pages.flat()) found.set(option.value, option);
  }
  return new Map(wanted.map((id) => [id, found.get(id) ?? { value: id, label: id, missing: true }]));
}

async function readByIds(call: AdminCall, kind: Exclude<PickerKind, "client">, ids: string[]): Promise<PickerOption[]> {
  // Ids come from stored rows; a quote or backslash cannot be part of a filter string, so such an id names nothing.
  const search = ids.filter((id) => !/["\\]/.test(id)).map((id) => `id eq "${id}"`).join(" or ");
  if (!search) return [];
  const request = () => ({ page: pageOf(200, null), search });
  const result =
    kind === "user"
      ? await callOperation(call, async (ctx) => (await runListUsers(ctx, request)).items.map(userOption))
      : await callOperation(call, async (ctx) => (await runListGroups(ctx, request)).items.map(groupOption));
  if (!result.ok) throw new Error(`${result.summary} ${result.causes.join(" ")}`.trim());
  return result.value;
}
