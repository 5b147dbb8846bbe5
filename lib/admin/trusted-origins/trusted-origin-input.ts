import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { normalizeOrigin } from "../../trusted-origins/normalize-origin";
import { ORIGIN_SCOPES, type TrustedOriginFields } from "../../trusted-origins/origin-scope";

const BLANK = "The field cannot be left blank.";

const scope = z
  .object({
    type: z.enum(ORIGIN_SCOPES, { error: "type must be CORS, REDIRECT or IFRAME_EMBED." }),
    allowedOktaApps: z.array(z.string({ error: "Must be a string." }), { error: "allowedOktaApps must be an array." }).nullish(),
  })
  .superRefine((value, ctx) => {
    if (!value.allowedOktaApps?.length) return;
    ctx.addIssue({
      code: "custom",
      path: ["allowedOktaApps"],
      message:
        value.type === "IFRAME_EMBED"
          ? "Only [] is supported: the hosted sign-in pages may be framed, and this server has no Okta End-User Dashboard."
          : "allowedOktaApps applies to IFRAME_EMBED only.",
    });
  });

/**
 * Create and replace bodies (SDK TrustedOriginWrite): `name`, `origin` (normalised by
 * normalizeOrigin) and `scopes`, at least one and each type once. Read-only properties clients
 * echo back (id, status, created, createdBy, _links, ...) are ignored.
 */
export const trustedOriginInput = z.object({
  name: z
    .string({ error: BLANK })
    .max(255, "A name is at most 255 characters.")
    .refine((name) => name.trim() !== "", BLANK),
  origin: z.string({ error: BLANK }).transform((value, ctx) => {
    const result = normalizeOrigin(value);
    if (result.ok) return result.origin;
    ctx.addIssue({ code: "custom", message: value === "" ? BLANK : result.reason });
    return z.NEVER;
  }),
  scopes: z
    .array(scope, { error: 'scopes must be an array such as [{"type":"CORS"},{"type":"REDIRECT"}].' })
    .min(1, "Give at least one scope: CORS, REDIRECT or IFRAME_EMBED.")
    .refine((scopes) => new Set(scopes.map((s) => s.type)).size === scopes.length, "Each scope type may appear only once."),
});

export type TrustedOriginInput = z.output<typeof trustedOriginInput>;
export type TrustedOriginBody = BodyOf<typeof trustedOriginInput>;

/** The fields a create or replace writes (lib/trusted-origins). */
export function trustedOriginFields(input: TrustedOriginInput): TrustedOriginFields {
  return { name: input.name, origin: input.origin, scopes: input.scopes.map((scope) => scope.type) };
}
