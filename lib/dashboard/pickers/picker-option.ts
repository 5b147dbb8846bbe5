/**
 * What a dashboard picker chooses: users and groups by id, apps by client_id (what access policies
 * store). `okta-group` is a group the admin may change memberships of (not the built-in Everyone).
 */
export const PICKER_KINDS = ["user", "group", "okta-group", "client"] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

/** One entry of a picker: the submitted value, a name, and a second line (email, client id...). */
export type PickerOption = {
  value: string;
  label: string;
  detail?: string;
  /** the id names nothing any more (deleted): kept as chosen, so that saving never drops it silently */
  missing?: true;
};

/** Type-ahead answers at most this many entries; typing more narrows them. */
export const PICKER_SEARCH_LIMIT = 10;

/** The options of some of the ids a selection was loaded for (loadPickerSelection), in their order. */
export function chosen(selection: ReadonlyMap<string, PickerOption>, ids: readonly string[]): PickerOption[] {
  return ids.map((id) => selection.get(id) ?? { value: id, label: id, missing: true });
}
