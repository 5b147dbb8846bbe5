"use server";

import { getAppContext } from "@/lib/app-context";
import { searchPickerOptions, type PickerSearchResult } from "@/lib/dashboard/pickers/search-picker-options";
import { checkAdmin, requestClient } from "./_lib/admin-request";

/**
 * A picker's type-ahead (a same-origin POST, like every server action). The admin check comes
 * first, whatever the input; the search itself is the management API's list operation.
 */
export async function searchPicker(input: unknown): Promise<PickerSearchResult> {
  const check = await checkAdmin();
  if (!check.ok) return { ok: false, error: "You are not signed in as an administrator." };
  return searchPickerOptions({ app: getAppContext(), admin: check.admin, client: await requestClient() }, input);
}
