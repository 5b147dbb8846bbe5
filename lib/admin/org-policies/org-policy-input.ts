import { z } from "zod";
import type { BodyOf } from "../../okta-api/parse-input";
import { ENROLL_REQUIREMENTS, FACTOR_KEYS, type FactorKey, type FactorSettings, type OrgPolicyFields, type PolicyType } from "../../sign-on-policies/org-policy-types";

const BLANK = "The field cannot be left blank.";
export const policyName = z.string({ error: BLANK }).trim().min(1, BLANK).max(255, "At most 255 characters.");
export const lifecycleStatus = z.enum(["ACTIVE", "INACTIVE"], { error: "Must be ACTIVE or INACTIVE." });
const PRIORITY = "Must be a whole number of at least 1.";
export const priority = z.number({ error: PRIORITY }).int(PRIORITY).min(1, PRIORITY);
/** A list of ids, deduplicated in order; null counts as empty. */
export const idList = (noun: string) =>
  z
    .array(z.string({ error: `Each entry must be a ${noun} id.` }).trim().min(1, `A ${noun} id cannot be blank.`), { error: `Must be a list of ${noun} ids.` })
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]);
/** The message for a key this server does not implement. */
export const notSupportedMessage = (supported: string) => `Not supported by this server (supported: ${supported}).`;

/**
 * An object whose keys other than the shape's are refused by name, never ignored: an unknown
 * condition or factor would otherwise loosen a policy silently.
 */
export function onlyKnownKeys<Shape extends z.ZodRawShape>(shape: Shape, error: string, supported: string) {
  return z.looseObject(shape, { error }).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) ctx.addIssue({ code: "custom", path: [key], message: notSupportedMessage(supported) });
    }
  });
}

const factorSetting = z.object(
  {
    enroll: z.object({ self: z.enum(ENROLL_REQUIREMENTS, { error: `Must be ${ENROLL_REQUIREMENTS.join(", ")}.` }).nullish() }, { error: 'Must be {"self": "REQUIRED" | "OPTIONAL" | "NOT_ALLOWED"}.' }).nullish(),
    consent: z.object({ type: z.literal("NONE", { error: "Only NONE is supported." }).nullish() }, { error: 'Must be {"type": "NONE"}.' }).nullish(),
  },
  { error: 'Must be {"enroll": {"self": "REQUIRED" | "OPTIONAL" | "NOT_ALLOWED"}}.' },
);

/** MFA_ENROLL settings (spec: Policy Factors Configuration object): a factor left out is NOT_ALLOWED (Okta's default). */
const enrollSettings = z
  .object(
    {
      type: z.literal("FACTORS", { error: "Only FACTORS is supported (AUTHENTICATORS belongs to the Identity Engine)." }).nullish(),
      factors: onlyKnownKeys(
        Object.fromEntries(FACTOR_KEYS.map((key) => [key, factorSetting.nullish()])) as Record<FactorKey, z.ZodOptional<z.ZodNullable<typeof factorSetting>>>,
        `Must be an object keyed by factor: ${FACTOR_KEYS.join(", ")}.`,
        `factors ${FACTOR_KEYS.join(", ")}`,
      ).nullish(),
    },
    { error: 'Must be an object: {"factors": {...}}.' },
  )
  .nullish()
  .transform((settings): FactorSettings => Object.fromEntries(FACTOR_KEYS.map((key) => [key, settings?.factors?.[key]?.enroll?.self ?? "NOT_ALLOWED"])) as FactorSettings);

const conditions = onlyKnownKeys(
  {
    people: onlyKnownKeys(
      { groups: z.object({ include: idList("group") }, { error: 'Must be {"include": [<group ids>]}.' }).nullish() },
      'Must be {"groups": {"include": [...]}}.',
      "people.groups.include",
    ).nullish(),
  },
  'Must be an object: {"people": {"groups": {"include": [...]}}}.',
  "people",
).nullish();

/**
 * Create and replace bodies of an org policy (spec: Policy object). `type` is read by
 * parsePolicyType; `settings` only for MFA_ENROLL (a sign-on policy has none: Okta puts all of its
 * data in the rules, so it is ignored there). Read-only properties that clients echo back (id,
 * system, created, lastUpdated, _links) are ignored; null counts as omitted. An ACCESS_POLICY has
 * no policy conditions (Okta: its conditions are null; apps are assigned to it and its rules say
 * who): conditions naming groups are refused.
 */
export const orgPolicyInput = (type: PolicyType) =>
  z
    .object(
      {
        type: z.string().nullish(),
        name: policyName,
        description: z.string({ error: "Must be a string." }).max(1024, "At most 1024 characters.").nullish(),
        status: lifecycleStatus.nullish(),
        priority: priority.nullish(),
        conditions,
        settings: type === "MFA_ENROLL" ? enrollSettings : z.unknown().optional(),
      },
      { error: "The request body must be a JSON object." },
    )
    .superRefine((body, ctx) => {
      if (type === "ACCESS_POLICY" && (body.conditions?.people?.groups?.include ?? []).length > 0) {
        ctx.addIssue({ code: "custom", path: ["conditions"], message: "An ACCESS_POLICY has no policy conditions: assign apps to it and put people conditions on its rules." });
      }
    })
    .transform(
      (body): OrgPolicyFields => ({
        name: body.name,
        description: body.description ?? null,
        status: body.status ?? null,
        priority: body.priority ?? null,
        groupsInclude: body.conditions?.people?.groups?.include ?? [],
        settings: type === "MFA_ENROLL" ? (body.settings as FactorSettings) : null,
      }),
    );

export type OrgPolicyBody = BodyOf<ReturnType<typeof orgPolicyInput>>;
