/** A submitted form as plain strings (FormData without files, or a plain object in tests). */
export type FormInput = Record<string, string | string[] | undefined>;

/**
 * FormData -> FormInput: repeated names become arrays, files are ignored. Total over whatever a
 * server action was called with (its arguments are the client's to choose: `[{}]` or `[1]` is no
 * FormData), so that the session is checked before anything can fail: anything else is an empty form.
 */
export function formInputFrom(data: unknown): FormInput {
  const out: Record<string, string | string[]> = {};
  for (const entry of entriesOf(data)) {
    if (!Array.isArray(entry)) continue;
    const [name, value] = entry as unknown[];
    if (typeof name !== "string" || typeof value !== "string") continue;
    const current = out[name];
    if (current === undefined) out[name] = value;
    else out[name] = Array.isArray(current) ? [...current, value] : [current, value];
  }
  return out;
}

function entriesOf(data: unknown): Iterable<unknown> {
  if (data instanceof FormData) return data.entries();
  if (Array.isArray(data)) return data;
  return [];
}

/** The files of a submitted form by field name (the first non-empty file of each), as plain bytes. */
export type FormFiles = Record<string, { fileName: string; declaredType: string; data: Uint8Array }>;

/** FormData -> FormFiles: files only (empty file inputs dropped); anything that is no FormData has none. */
export async function formFilesFrom(data: unknown): Promise<FormFiles> {
  const out: FormFiles = {};
  if (!(data instanceof FormData)) return out;
  for (const [name, value] of data.entries()) {
    if (typeof value === "string" || value.size === 0 || out[name]) continue;
    out[name] = { fileName: value.name, declaredType: value.type, data: new Uint8Array(await value.arrayBuffer()) };
  }
  return out;
}

/** The first value of a field, or "" when absent. */
export function text(form: FormInput, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** A field's value, or null when it is absent or blank (an optional field left empty). */
export function optionalText(form: FormInput, name: string): string | null {
  const value = text(form, name);
  return value.trim() === "" ? null : value;
}

/** Every value of a repeated field (checkbox groups, multi-selects), blanks dropped. */
export function values(form: FormInput, name: string): string[] {
  const value = form[name];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((item) => item.trim()).filter((item) => item.length > 0);
}

/** A textarea of one entry per line (or comma separated), blanks dropped. */
export function lines(form: FormInput, name: string): string[] {
  return text(form, name)
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A checkbox: present (any value but "false") means checked. */
export function checked(form: FormInput, name: string): boolean {
  const value = form[name];
  return value !== undefined && text(form, name) !== "false";
}

/**
 * A number field as the API's schema takes it: null when blank (the schema's default applies, or
 * its "required" message), the number when the text is one, otherwise NaN, which the schema
 * refuses in its own words (as it would the text).
 */
export function numberField(form: FormInput, name: string): number | null {
  const value = text(form, name).trim();
  if (value === "") return null;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
}
