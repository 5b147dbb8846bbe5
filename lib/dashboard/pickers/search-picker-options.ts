import { z } from "zod";
import type { AdminOperation } from "../../admin/admin-request";
import { listApps } from "../../admin/apps/list-apps";
import { listGroups } from "../../admin/groups/list-groups";
import { listUsers } from "../../admin/users/list-users";
import type { AdminCall } from "../dashboard-context";
import { runAdminOperation, type OperationCall } from "../run-admin-operation";
import { PICKER_KINDS, PICKER_SEARCH_LIMIT, type PickerKind, type PickerOption } from "./picker-option";
import { clientOption, groupOption, userOption, type GroupJson, type UserJson } from "./picker-options-from-json";

/** What a picker's type-ahead sends (a server action's arguments are the client's to choose). */
export const pickerSearchInput = z.object({ kind: z.enum(PICKER_KINDS), query: z.string().max(256) });

type AppJson = { label: string; status: string; credentials: { oauthClient: { client_id: string } } };

const limit = String(PICKER_SEARCH_LIMIT);

/** The management API's `q` for each kind: the start of a user's names, email or login; a group's name; an app's label or name. */
const SEARCHES: Record<PickerKind, (call: AdminCall, q: string) => Promise<PickerSearchResult>> = {
  user: (call, q) => listed<UserJson>(call, listUsers, { path: "/api/v1/users", query: { q, limit } }, userOption),
  group: (call, q) => listed<GroupJson>(call, listGroups, { path: "/api/v1/groups", query: { q, limit } }, groupOption),
  "okta-group": (call, q) => listed<GroupJson>(call, listGroups, { path: "/api/v1/groups", query: { q, limit, filter: 'type eq "OKTA_GROUP"' } }, groupOption),
  client: (call, q) =>
    listed<AppJson>(call, listApps, { path: "/api/v1/apps", query: { q, limit } }, (app) => clientOption({ clientId: app.credentials.oauthClient.client_id, label: app.label, status: app.status })),
};

async function listed<T>(call: AdminCall, operation: AdminOperation, request: OperationCall, toOption: (item: T) => PickerOption): Promise<PickerSearchResult> {
  const result = await runAdminOperation<T[]>(call, operation, request);
  if (!result.ok) return { ok: false, error: [result.summary, ...result.causes].join(" ") };
  return { ok: true, options: result.body.map(toOption) };
}

export type PickerSearchResult = { ok: true; options: PickerOption[] } | { ok: false; error: string };

/**
 * A picker's type-ahead: the first PICKER_SEARCH_LIMIT entries the management API's list
 * operation answers for `q` (the same operation, validation and paging as GET /api/v1/users?q=...).
 * Bad input or the API's refusal comes back as a message, never a throw.
 */
export async function searchPickerOptions(call: AdminCall, input: unknown): Promise<PickerSearchResult> {
  const parsed = pickerSearchInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "The search could not be read." };
  return SEARCHES[parsed.data.kind](call, parsed.data.query.trim());
}
