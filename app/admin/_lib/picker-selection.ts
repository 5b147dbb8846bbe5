import { loadPickerSelection } from "@/lib/dashboard/pickers/load-picker-selection";
import type { PickerKind, PickerOption } from "@/lib/dashboard/pickers/picker-option";
import { adminCall } from "./admin-request";

/** For pages: the entries named by these ids (every id gets an option; see loadPickerSelection). */
export async function pickerSelection(kind: PickerKind, ids: Iterable<string>): Promise<Map<string, PickerOption>> {
  return loadPickerSelection(await adminCall(), kind, ids);
}
