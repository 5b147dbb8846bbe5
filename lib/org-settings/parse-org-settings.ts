import { z } from "zod";
import { isIdOf, ORG_SETTINGS_FIELDS, type OrgSettings, type OrgSettingsField, type OrgSettingsFieldSpec } from "./org-settings-schema";

/** A settings value as an object (pure): anything but a plain JSON object is `{}`. */
export function toSettingsObject(settings: unknown): Record<string, unknown> {
  return (settings && typeof settings === "object" && !Array.isArray(settings) ? settings : {}) as Record<string, unknown>;
}

/**
 * A stored value, read defensively (rows are written by the API, but may predate a field or be
 * edited by hand): a number field's finite number is floored and clamped down to the maximum; a
 * boolean field takes a boolean, a choice one of its values; a list field keeps the known options it
 * names, once each, in the options' order; anything else (missing, another type, below the minimum, a
 * value no longer offered) is the default.
 */
function stored(spec: OrgSettingsFieldSpec): z.ZodType<number | boolean | string | string[]> {
  if (spec.kind === "boolean") return z.boolean().catch(spec.default);
  if (spec.kind === "choice") return z.enum(spec.values as [string, ...string[]]).catch(spec.default);
  if (spec.kind === "ids") return z.array(z.unknown()).transform((ids) => [...new Set(ids.filter((id) => isIdOf(spec, id)))].slice(0, spec.max)).catch([...spec.default]);
  if (spec.kind === "list") return z.array(z.unknown()).transform((names) => spec.options.filter((option) => names.includes(option))).catch([...spec.default]);
  const { min, max, default: fallback } = spec;
  return z
    .number()
    .transform(Math.floor)
    .refine((value) => value >= min)
    .transform((value) => Math.min(value, max))
    .catch(fallback);
}

/** The settings in force of a stored OrgSettings.settings value (no row, or not an object: every default). */
const storedOrgSettings = z.preprocess(
  toSettingsObject,
  z.object(Object.fromEntries((Object.keys(ORG_SETTINGS_FIELDS) as OrgSettingsField[]).map((field) => [field, stored(ORG_SETTINGS_FIELDS[field])]))),
);

/** The settings in force of a stored value (pure). */
export function parseOrgSettings(settings: unknown): OrgSettings {
  return storedOrgSettings.parse(settings) as OrgSettings;
}
