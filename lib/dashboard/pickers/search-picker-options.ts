import { z } from "zod";
import { rolesAllow, type Permission } from "../../admin-roles/permissions";
import type { OperationContext } from "../../admin/admin-request";
import { runListApps } from "../../admin/apps/list-apps";
import { runListGroups } from "../../admin/groups/list-groups";
import { pageOf } from "../../admin/pagination";
import { runListUsers } from "../../admin/users/list-users";
import { callOperation } from "../call-operation";
import type { AdminCall } from "../dashboard-context";
import { PICKER_KINDS, PICKER_SEARCH_LIMIT, type PickerKind, type PickerOption } from "./picker-option";
import { clientOption, groupOption, userOption } from "./picker-options-from-json";

/** What a picker's type-ahead sends (a server action's arguments are the client's to choose). */
export const pickerSearchInput = z.object({ kind: z.enum(PICKER_KINDS), query: z.string().max(256) });

const page = pageOf(PICKER_SEARCH_LIMIT, null);
/** A blank query is no query (as the API leaves out an empty `q`). */
const qOf = (q: string) => (q ? { q } : {});

/** The management API's `q` for each kind: the start of a user's names, email or login; a group's name; an app's label or name. */
const SEARCHES: Record<PickerKind, (ctx: OperationContext, q: string) => Promise<PickerOption[]>> = {
  user: async (ctx, q) => (await runListUsers(ctx, () => ({ page, ...qOf(q) }))).items.map(userOption),
  group: async (ctx, q) => (await runListGroups(ctx, () => ({ page, ...qOf(q) }))).items.map(groupOption),
  "okta-group": async (ctx, q) => (await runListGroups(ctx, () => ({ page, ...qOf(q), filter: 'type eq "OKTA_GROUP"' }))).items.map(groupOption),
  client: async (ctx, q) =>
    (await runListApps(ctx, () => ({ page, ...qOf(q) }))).items.map((app) => clientOption({ clientId: app.credentials.oauthClient.client_id, label: app.label, status: app.status })),
};

/** The list a picker searches needs the read permission of its resource (the API's GET route). */
const SEARCH_PERMISSIONS: Record<PickerKind, Permission> = { user: "users.read", group: "groups.read", "okta-group": "groups.read", client: "apps.read" };

export type PickerSearchResult = { ok: true; options: PickerOption[] } | { ok: false; error: string };

/**
 * A picker's type-ahead: the first PICKER_SEARCH_LIMIT entries the management API's list
 * operation answers for `q` (the same operation, validation and paging as GET /api/v1/users?q=...).
 * Bad input, a role without the list's read permission, or the API's refusal comes back as a
 * message, never a throw.
 */
export async function searchPickerOptions(call: AdminCall, input: unknown): Promise<PickerSearchResult> {
  const parsed = pickerSearchInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "The search could not be read." };
  const { kind, query } = parsed.data;
  if (!rolesAllow(call.admin.roles, SEARCH_PERMISSIONS[kind])) return { ok: false, error: "Your role cannot list these." };
  const result = await callOperation(call, (ctx) => SEARCHES[kind](ctx, query.trim()));
  return result.ok ? { ok: true, options: result.value } : { ok: false, error: [result.summary, ...result.causes].join(" ") };
}
