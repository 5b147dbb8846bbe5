import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";

function isUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const audience = z
  .string({ error: "Each audience must be a string." })
  .trim()
  .min(1, "An audience cannot be blank.")
  .max(1024, "An audience is at most 1024 characters.")
  .refine((value) => !value.includes(":") || isUri(value), "An audience that contains ':' must be a valid URI.");

/**
 * Create and replace bodies (spec: "Authorization Server Properties"). Read-only properties that
 * clients echo back (id, issuer, status, created, _links, ...) are ignored.
 */
export const authorizationServerInput = z.object({
  name: z.string({ error: "The field cannot be left blank." }).trim().min(1, "The field cannot be left blank.").max(128, "At most 128 characters."),
  description: z.string({ error: "Must be a string." }).max(1024, "At most 1024 characters.").nullish(),
  audiences: z
    .array(audience, { error: "The field cannot be left blank; give one audience, e.g. [\"api://default\"]." })
    .min(1, "The field cannot be left blank; give one audience.")
    .max(1, "Only one audience is supported."),
  issuerMode: z.enum(["ORG_URL"], { error: "Only ORG_URL is supported." }).optional(),
  credentials: z
    .object({
      signing: z
        .object({ rotationMode: z.enum(["AUTO", "MANUAL"], { error: "rotationMode must be AUTO or MANUAL." }).optional() })
        .nullish(),
    })
    .nullish(),
});

export type AuthorizationServerBody = BodyOf<typeof authorizationServerInput>;
