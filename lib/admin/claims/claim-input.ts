import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { compileGroupFilter, GROUP_FILTER_TYPES } from "../../claims/compile-group-filter";
import { isReservedClaimName } from "../../claims/reserved-claim-names";
import { checkExpression } from "../../el";

const BLANK = "The field cannot be left blank.";
const GROUP_FILTER_CHOICES = "STARTS_WITH, EQUALS, CONTAINS or REGEX";

/** A boolean, or the spec's string form ("TRUE", "false", ...). */
const booleanish = (field: string) =>
  z
    .preprocess((value) => (typeof value === "string" && /^(true|false)$/i.test(value) ? value.toLowerCase() === "true" : value), z.boolean({ error: `${field} must be true or false.` }))
    .nullish();

const groupFilterType = (field: string) => z.enum(GROUP_FILTER_TYPES, { error: `${field} must be ${GROUP_FILTER_CHOICES}.` }).nullish();

const name = z
  .string({ error: BLANK })
  .min(1, BLANK)
  .max(100, "A claim name is at most 100 characters.")
  .refine((value) => !/\s/.test(value), "A claim name cannot contain whitespace.")
  .superRefine((value, ctx) => {
    if (isReservedClaimName(value)) {
      ctx.addIssue({ code: "custom", message: `'${value}' is a reserved claim name: the server sets it in tokens itself.` });
    }
  });

/**
 * Create and replace bodies (spec: "Claims Object"; SDK model OAuth2Claim). The filter type is read
 * from `group_filter_type` (the wire name) or `groupFilterType` (the spec's name). Values are
 * checked as they will be used: an EXPRESSION must parse as Okta EL, a GROUPS filter must compile
 * (compileGroupFilter). Read-only properties that clients echo back (id, _links) are ignored;
 * `system` may only be absent or false. Whether conditions.scopes exist is checked by the
 * operation, against the database.
 */
export const claimInput = z
  .object({
    name,
    status: z.enum(["ACTIVE", "INACTIVE"], { error: "status must be ACTIVE or INACTIVE." }).nullish(),
    claimType: z.enum(["RESOURCE", "IDENTITY"], { error: "claimType must be RESOURCE (access token) or IDENTITY (ID token)." }),
    valueType: z.enum(["EXPRESSION", "GROUPS", "SYSTEM"], { error: "valueType must be EXPRESSION or GROUPS." }),
    value: z.string({ error: BLANK }).min(1, BLANK),
    group_filter_type: groupFilterType("group_filter_type"),
    groupFilterType: groupFilterType("groupFilterType"),
    alwaysIncludeInToken: booleanish("alwaysIncludeInToken"),
    conditions: z
      .object(
        {
          scopes: z
            .array(z.string({ error: "Each scope must be a scope name." }).min(1, "A scope name cannot be blank."), { error: "conditions.scopes must be an array of scope names." })
            .max(100, "At most 100 scopes.")
            .nullish(),
        },
        { error: "conditions must be an object: {\"scopes\": [...]}." },
      )
      .nullish(),
    system: booleanish("system"),
  })
  .superRefine((input, ctx) => {
    if (input.valueType === "SYSTEM") {
      ctx.addIssue({ code: "custom", path: ["valueType"], message: "SYSTEM claims are created by the server; use EXPRESSION or GROUPS." });
      return;
    }
    if (input.system) {
      ctx.addIssue({ code: "custom", path: ["system"], message: "The system flag is read-only; only the server creates system claims." });
    }
    const both = input.group_filter_type && input.groupFilterType && input.group_filter_type !== input.groupFilterType;
    if (both) ctx.addIssue({ code: "custom", path: ["group_filter_type"], message: "group_filter_type and groupFilterType disagree; give one of them." });
    const filterType = input.group_filter_type ?? input.groupFilterType;
    if (input.valueType === "GROUPS") {
      if (!filterType) {
        ctx.addIssue({ code: "custom", path: ["group_filter_type"], message: `group_filter_type is required when valueType is GROUPS: ${GROUP_FILTER_CHOICES}.` });
        return;
      }
      const compiled = compileGroupFilter(filterType, input.value);
      if (!compiled.ok) ctx.addIssue({ code: "custom", path: ["value"], message: compiled.message });
      return;
    }
    if (filterType) ctx.addIssue({ code: "custom", path: ["group_filter_type"], message: "group_filter_type applies only when valueType is GROUPS." });
    const error = checkExpression(input.value);
    if (error) ctx.addIssue({ code: "custom", path: ["value"], message: `The value is not a valid Okta Expression Language expression: ${error.message}` });
  })
  .transform((input) => ({
    name: input.name,
    status: input.status ?? "ACTIVE",
    claimType: input.claimType,
    valueType: input.valueType,
    value: input.value,
    groupFilterType: input.valueType === "GROUPS" ? (input.group_filter_type ?? input.groupFilterType ?? null) : null,
    // Spec: always TRUE for access token (RESOURCE) claims; an ID token claim defaults to TRUE.
    alwaysIncludeInToken: input.claimType === "RESOURCE" ? true : (input.alwaysIncludeInToken ?? true),
    conditionScopes: [...new Set(input.conditions?.scopes ?? [])],
  }));

export type ClaimBody = BodyOf<typeof claimInput>;
