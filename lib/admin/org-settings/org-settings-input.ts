import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { isIdOf, ORG_SETTINGS_FIELDS, type OrgSettingsFieldSpec } from "../../org-settings/org-settings-schema";

/** A value of the field's kind (ORG_SETTINGS_FIELDS): a whole number in its range, a boolean, one of its values, or a list of distinct options. */
function fieldInput(spec: OrgSettingsFieldSpec) {
  if (spec.kind === "boolean") return z.boolean({ error: "Must be true or false." });
  if (spec.kind === "choice") return z.enum(spec.values as [string, ...string[]], { error: `Must be one of ${spec.values.map((value) => `"${value}"`).join(", ")}.` });
  if (spec.kind === "ids") {
    const message = `Must be an array of at most ${spec.max} distinct ids (${spec.prefix}...).`;
    return z.array(z.string({ error: message }), { error: message }).refine((ids) => ids.length <= spec.max && ids.every((id) => isIdOf(spec, id)) && new Set(ids).size === ids.length, message);
  }
  if (spec.kind === "list") {
    const message = `Must be an array of distinct names out of: ${spec.options.join(", ")}.`;
    return z.array(z.string({ error: message }), { error: message }).refine((names) => names.every((name) => spec.options.includes(name)) && new Set(names).size === names.length, message);
  }
  const { min, max } = spec;
  const message = `Must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}
type FieldSchema<S> = S extends { kind: "boolean" }
  ? z.ZodBoolean
  : S extends { kind: "choice"; values: readonly (infer V extends string)[] }
    ? z.ZodType<V>
    : S extends { kind: "ids" }
      ? z.ZodType<string[]>
      : S extends { kind: "list"; options: readonly (infer O extends string)[] }
      ? z.ZodType<O[]>
      : z.ZodNumber;
const field = <K extends keyof typeof ORG_SETTINGS_FIELDS>(name: K) => fieldInput(ORG_SETTINGS_FIELDS[name]) as unknown as FieldSchema<(typeof ORG_SETTINGS_FIELDS)[K]>;

/**
 * POST /api/v1/org/settings: the settings to change, each optional (the others stay). Unknown
 * fields are refused, never ignored.
 */
export const orgSettingsInput = z.strictObject({
  lockoutThreshold: field("lockoutThreshold").optional(),
  sessionIdleMinutes: field("sessionIdleMinutes").optional(),
  sessionMaxMinutes: field("sessionMaxMinutes").optional(),
  systemLogRetentionDays: field("systemLogRetentionDays").optional(),
  refreshTokenGraceSeconds: field("refreshTokenGraceSeconds").optional(),
  passwordlessPasskeys: field("passwordlessPasskeys").optional(),
  selfServiceProfileAttributes: field("selfServiceProfileAttributes").optional(),
  passwordChangeEndsSessions: field("passwordChangeEndsSessions").optional(),
  defaultLocale: field("defaultLocale").optional(),
  recoveryTokenLifetimeMinutes: field("recoveryTokenLifetimeMinutes").optional(),
  endSessionsOnPasswordReset: field("endSessionsOnPasswordReset").optional(),
  selfServiceRegistration: field("selfServiceRegistration").optional(),
  registrationProfileAttributes: field("registrationProfileAttributes").optional(),
  registrationDefaultGroupIds: field("registrationDefaultGroupIds").optional(),
  registrationLinkLifetimeMinutes: field("registrationLinkLifetimeMinutes").optional(),
  registrationsPerMinute: field("registrationsPerMinute").optional(),
});

export type OrgSettingsBody = BodyOf<typeof orgSettingsInput>;
