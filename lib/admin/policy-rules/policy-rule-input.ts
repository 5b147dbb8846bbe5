import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { ANY_SCOPE, EVERYONE } from "../../authorization-servers/policies/policy-conditions";
import { GRANT_TYPES } from "../../oauth/grant-types";
import { TOKEN_LIMITS } from "../../oauth/tokens/token-lifetimes";
import { dedupe, nameField, priorityField, statusField } from "../policies/policy-input";

const { accessTokenLifetimeMinutes: ACCESS, refreshTokenWindowMinutes: WINDOW } = TOKEN_LIMITS;
const ACCESS_MESSAGE = `Must be between ${ACCESS.min} and ${ACCESS.max} minutes (5 minutes to 1 day).`;
const REFRESH_MESSAGE = "Must be 0 (unlimited) or a whole number of minutes at least the access token lifetime.";
const WINDOW_MESSAGE = `Must be between ${WINDOW.min} and ${WINDOW.max} minutes (10 minutes to 90 days).`;

const minutes = (message: string, min: number, max: number) => z.number({ error: message }).int(message).min(min, message).max(max, message);

/** actions.token, or the spec's top-level `token`. null counts as omitted (the default). */
const tokenInput = z
  .object(
    {
      accessTokenLifetimeMinutes: minutes(ACCESS_MESSAGE, TOKEN_LIMITS.accessTokenLifetimeMinutes.min, TOKEN_LIMITS.accessTokenLifetimeMinutes.max).nullish(),
      refreshTokenLifetimeMinutes: minutes(REFRESH_MESSAGE, 0, TOKEN_LIMITS.refreshTokenLifetimeMinutes.max).nullish(),
      refreshTokenWindowMinutes: minutes(WINDOW_MESSAGE, TOKEN_LIMITS.refreshTokenWindowMinutes.min, TOKEN_LIMITS.refreshTokenWindowMinutes.max).nullish(),
      inlineHook: z.record(z.string(), z.unknown(), { error: 'Must be an object, e.g. {"id": "<inline hook id>"}.' }).nullish(),
    },
    { error: "Must be an object with accessTokenLifetimeMinutes, refreshTokenLifetimeMinutes and refreshTokenWindowMinutes." },
  )
  .superRefine((token, ctx) => {
    const access = token.accessTokenLifetimeMinutes ?? TOKEN_LIMITS.accessTokenLifetimeMinutes.default;
    const refresh = token.refreshTokenLifetimeMinutes ?? TOKEN_LIMITS.refreshTokenLifetimeMinutes.default;
    // zod still runs this refinement when a range check above failed: compare valid values only.
    const { min, max } = TOKEN_LIMITS.accessTokenLifetimeMinutes;
    if (!Number.isInteger(access) || access < min || access > max || !Number.isInteger(refresh) || refresh < 0) return;
    if (refresh !== 0 && refresh < access) {
      ctx.addIssue({
        code: "custom",
        path: ["refreshTokenLifetimeMinutes"],
        message: `Must be 0 (unlimited) or at least the access token lifetime (${access} minutes).`,
      });
    }
  });

const idList = (noun: string) =>
  z
    .array(z.string({ error: `Each entry must be a ${noun} id.` }).trim().min(1, `A ${noun} id cannot be blank.`), { error: `Must be a list of ${noun} ids.` })
    .nullish()
    .transform((ids) => dedupe(ids ?? []));

const includeExclude = (noun: string) =>
  z.object({ include: idList(noun), exclude: idList(noun) }, { error: "Must be an object with include and exclude lists." }).nullish();

const people = z
  .object({ users: includeExclude("user"), groups: includeExclude("group") }, { error: "Must be an object with users and groups." })
  .nullish()
  .superRefine((value, ctx) => {
    const groups = value?.groups?.include ?? [];
    if (groups.includes(EVERYONE) && groups.length > 1) {
      ctx.addIssue({ code: "custom", path: ["groups", "include"], message: "EVERYONE cannot be combined with group ids." });
    }
  });

const GRANT_TYPES_REQUIRED = `The field cannot be left blank; give one or more of ${GRANT_TYPES.join(", ")}.`;
const grantTypes = z.object(
  {
    include: z
      .array(z.string({ error: "Each grant type must be a string." }), { error: GRANT_TYPES_REQUIRED })
      .min(1, GRANT_TYPES_REQUIRED)
      .superRefine((values, ctx) => {
        const unknown = dedupe(values.filter((value) => !(GRANT_TYPES as readonly string[]).includes(value)));
        if (unknown.length > 0) {
          ctx.addIssue({
            code: "custom",
            message: `${unknown.length === 1 ? "Unknown grant type" : "Unknown grant types"}: ${unknown.join(", ")}. Valid values: ${GRANT_TYPES.join(", ")}.`,
          });
        }
      })
      .transform(dedupe),
  },
  { error: `The field cannot be left blank; give {"include":[...]} with one or more of ${GRANT_TYPES.join(", ")}.` },
);

const SCOPES_REQUIRED = 'The field cannot be left blank; give ["*"] for any scope, or scope names.';
const scopeName = z.string().trim().min(1, "A scope name cannot be blank.");
/** A scope name, or the spec's object form {name, access: "ALLOW"}. */
const scopeEntry = z
  .union([scopeName, z.object({ name: scopeName, access: z.literal("ALLOW").nullish() })], {
    error: 'Each scope must be a scope name or {"name": "<scope>", "access": "ALLOW"}.',
  })
  .transform((entry) => (typeof entry === "string" ? entry : entry.name));
const scopes = z.object(
  {
    include: z
      .array(scopeEntry, { error: SCOPES_REQUIRED })
      .min(1, SCOPES_REQUIRED)
      .transform(dedupe)
      .refine((names) => !names.includes(ANY_SCOPE) || names.length === 1, '"*" (any scope) cannot be combined with scope names.'),
  },
  { error: 'The field cannot be left blank; give {"include":["*"]} for any scope, or {"include":[<scope names>]}.' },
);

/**
 * Create and replace bodies of a policy rule (spec: "Rules Object", "Conditions Object"; SDK:
 * AuthorizationServerPolicyRule). The lifetimes come from actions.token or, in the spec's form, a
 * top-level `token` (actions.token wins when both are sent). Read-only properties that clients echo
 * back (id, system, created, lastUpdated, _links) are ignored; null counts as omitted. The output is
 * the stored, normalized form.
 */
export const policyRuleInput = z
  .object(
    {
      type: z.literal("RESOURCE_ACCESS", { error: "Must be RESOURCE_ACCESS." }).nullish(),
      name: nameField,
      status: statusField.nullish(),
      priority: priorityField.nullish(),
      conditions: z.object(
        { people, grantTypes, scopes },
        { error: "The field cannot be left blank; give people, grantTypes.include and scopes.include." },
      ),
      actions: z.object({ token: tokenInput.nullish() }, { error: "Must be an object with a token." }).nullish(),
      token: tokenInput.nullish(),
    },
    { error: "The request body must be a JSON object." },
  )
  .transform((input) => {
    const token = input.actions?.token ?? input.token ?? {};
    return {
      name: input.name,
      status: input.status ?? null,
      priority: input.priority ?? null,
      conditions: {
        people: {
          users: { include: input.conditions.people?.users?.include ?? [], exclude: input.conditions.people?.users?.exclude ?? [] },
          groups: { include: input.conditions.people?.groups?.include ?? [], exclude: input.conditions.people?.groups?.exclude ?? [] },
        },
        grantTypes: { include: input.conditions.grantTypes.include },
        scopes: { include: input.conditions.scopes.include },
      },
      token: {
        accessTokenLifetimeMinutes: token.accessTokenLifetimeMinutes ?? TOKEN_LIMITS.accessTokenLifetimeMinutes.default,
        refreshTokenLifetimeMinutes: token.refreshTokenLifetimeMinutes ?? TOKEN_LIMITS.refreshTokenLifetimeMinutes.default,
        refreshTokenWindowMinutes: token.refreshTokenWindowMinutes ?? TOKEN_LIMITS.refreshTokenWindowMinutes.default,
        inlineHook: token.inlineHook ?? null,
      },
    };
  });

export type PolicyRuleInput = z.output<typeof policyRuleInput>;
export type PolicyRuleBody = BodyOf<typeof policyRuleInput>;
