import type { ScopeFields } from "../../authorization-servers/scopes/scope-fields";
import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";

const BLANK = "The field cannot be left blank.";
/** RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). Whitespace has its own message. */
const NOT_SCOPE_CHARACTER = /[^\x21\x23-\x5B\x5D-\x7E\s]/;

const booleanField = (field: string) => z.boolean({ error: `${field} must be true or false.` }).nullish();

/**
 * Create and replace bodies (spec: "Scopes Object"; SDK model OAuth2Scope). Read-only properties
 * that clients echo back (id, _links) are ignored; `system` is checked by the operation (it may be
 * echoed with its current value, never changed). A replace resets omitted fields to their defaults.
 */
export const scopeInput = z.object({
  name: z
    .string({ error: BLANK })
    .min(1, BLANK)
    .max(300, "A scope name is at most 300 characters.")
    .refine((name) => !/\s/.test(name), "A scope name cannot contain whitespace.")
    .refine((name) => !NOT_SCOPE_CHARACTER.test(name), "A scope name may contain only printable ASCII characters other than '\"' and '\\' (RFC 6749, section 3.3).")
    .refine((name) => name !== "*", "'*' means any scope in policy rules; it cannot be a scope name.")
    .refine((name) => !name.toLowerCase().startsWith("okta."), "Scope names that start with 'okta.' are reserved."),
  displayName: z.string({ error: "Must be a string." }).max(255, "At most 255 characters.").nullish(),
  description: z.string({ error: "Must be a string." }).max(1024, "At most 1024 characters.").nullish(),
  consent: z.enum(["IMPLICIT", "REQUIRED", "FLEXIBLE"], { error: "consent must be IMPLICIT, REQUIRED or FLEXIBLE." }).nullish(),
  default: booleanField("default"),
  optional: booleanField("optional"),
  metadataPublish: z.enum(["ALL_CLIENTS", "NO_CLIENTS"], { error: "metadataPublish must be ALL_CLIENTS or NO_CLIENTS." }).nullish(),
  system: booleanField("system"),
});

export type ScopeInput = z.output<typeof scopeInput>;
export type ScopeBody = BodyOf<typeof scopeInput>;

/** The properties a create or replace writes (defaults per Okta: IMPLICIT consent, NO_CLIENTS). */
export function scopeData(input: ScopeInput): ScopeFields {
  return {
    name: input.name,
    displayName: input.displayName ?? null,
    description: input.description ?? null,
    consent: input.consent ?? "IMPLICIT",
    isDefault: input.default ?? false,
    optional: input.optional ?? false,
    metadataPublish: input.metadataPublish ?? "NO_CLIENTS",
  };
}
