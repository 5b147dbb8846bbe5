import { z } from "zod";
import type { BodyOf } from "../../okta-api/parse-input";

const BLANK = "The field cannot be left blank.";

/**
 * The body of create and replace: `{profile: {...}}`. Read-only properties clients echo back
 * (id, type, created, objectClass, _links, ...) are ignored. The profile is checked on its own
 * (groupProfileInput) so errors name the profile field, as Okta's do ("Api validation failed: name").
 */
export const groupInput = z.object({
  profile: z.record(z.string(), z.unknown(), { error: "profile: The field cannot be left blank; give {name, description}." }),
});

/** okta:user_group profile: `name` (1..255 characters, unique ignoring case) and `description` (0..1024). */
export const groupProfileInput = z.object({
  name: z
    .string({ error: BLANK })
    .max(255, "A group name is at most 255 characters.")
    .refine((name) => name.trim() !== "", BLANK),
  description: z.string({ error: "Must be a string." }).max(1024, "A description is at most 1024 characters.").nullish(),
});

export type GroupProfileInput = z.output<typeof groupProfileInput>;
/** A create or replace body as a caller sends it (groupInput, then groupProfileInput, check it). */
export type GroupBody = { profile: BodyOf<typeof groupProfileInput> };
