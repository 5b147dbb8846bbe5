import { z } from "zod";
import type { BodyOf } from "../../okta-api/parse-input";
import { parseReauthenticateIn } from "../../sign-on-policies/parse-reauthenticate-in";
import {
  APP_ACCESS,
  ENROLL_MOMENTS,
  FACTOR_MODES,
  FACTOR_PROMPT_MODES,
  RULE_TYPE_OF,
  type NetworkCondition,
  type AppSignOnActions,
  type OrgPolicyRuleFields,
  type PolicyType,
  type OrgRuleActions,
  type SignOnActions,
} from "../../sign-on-policies/org-policy-types";
import { idList, lifecycleStatus, notSupportedMessage, onlyKnownKeys, policyName, priority } from "./org-policy-input";

/** Minutes limits of this server (Okta documents none): a factor lifetime and a session's idle time up to 90 days, a session lifetime 0 (no limit) to 90 days. */
export const MAX_MINUTES = 90 * 24 * 60;
const minutes = (min: number, message: string) => z.number({ error: message }).int(message).min(min, message).max(MAX_MINUTES, message);
const SESSION_DEFAULTS = { maxSessionIdleMinutes: 120, maxSessionLifetimeMinutes: 0, usePersistentCookie: false };

const includeExclude = (noun: string) =>
  z.object({ include: idList(noun), exclude: idList(noun) }, { error: "Must be an object with include and exclude lists." }).nullish();

/** Okta's cause when a ZONE condition names both lists or neither. */
export const INCLUDE_OR_EXCLUDE = "You should either include or exclude network zones when you use zones in the policy rule.";
/** Zones one rule may name. */
const MAX_RULE_ZONES = 100;
/**
 * Policy Network Condition object: ANYWHERE (the default), or ZONE with the ids of POLICY network
 * zones in `include` or in `exclude` (one of the two, as Okta requires); the ids are checked against
 * the Zones API's zones when the rule is written (checkZoneReferences).
 */
const network = z
  .object(
    {
      connection: z.enum(["ANYWHERE", "ZONE"], { error: "Must be ANYWHERE or ZONE." }).nullish(),
      include: idList("zone").refine((ids) => ids.length <= MAX_RULE_ZONES, `At most ${MAX_RULE_ZONES} zones.`),
      exclude: idList("zone").refine((ids) => ids.length <= MAX_RULE_ZONES, `At most ${MAX_RULE_ZONES} zones.`),
    },
    { error: 'Must be {"connection": "ANYWHERE"} or {"connection": "ZONE", "include": [<zone ids>]} (or "exclude").' },
  )
  .superRefine((value, ctx) => {
    if (value.connection === "ZONE") {
      if ((value.include.length > 0) === (value.exclude.length > 0)) ctx.addIssue({ code: "custom", message: INCLUDE_OR_EXCLUDE });
    } else if (value.include.length > 0 || value.exclude.length > 0) {
      ctx.addIssue({ code: "custom", path: ["connection"], message: "Must be ZONE when zones are included or excluded." });
    }
  })
  .nullish()
  .transform((value): NetworkCondition => (value?.connection === "ZONE" ? { connection: "ZONE", include: value.include, exclude: value.exclude } : { connection: "ANYWHERE" }));

const conditions = onlyKnownKeys(
  {
    people: z.object({ users: includeExclude("user"), groups: includeExclude("group") }, { error: "Must be an object with users and groups." }).nullish(),
    network,
    authContext: z.object({ authType: z.literal("ANY", { error: "Only ANY is supported." }).nullish() }, { error: 'Must be {"authType": "ANY"}.' }).nullish(),
  },
  "Must be an object with people and network.",
  "people, network, authContext",
)
  .nullish()
  .transform((value) => ({
    people: {
      users: { include: value?.people?.users?.include ?? [], exclude: value?.people?.users?.exclude ?? [] },
      groups: { include: value?.people?.groups?.include ?? [], exclude: value?.people?.groups?.exclude ?? [] },
    },
    network: value?.network ?? { connection: "ANYWHERE" },
  }));

const REQUIRED_WITH_FACTOR = "Required when requireFactor is true.";
const LIFETIME = `Must be a whole number of minutes from 1 to ${MAX_MINUTES}.`;

/** Signon Action object (and Signon Session object), with Okta's defaults for what is left out. */
const signonActions = z
  .object(
    {
      access: z.enum(["ALLOW", "DENY"], { error: "Must be ALLOW or DENY." }),
      requireFactor: z.boolean({ error: "Must be true or false." }).nullish(),
      factorPromptMode: z.enum(FACTOR_PROMPT_MODES, { error: `Must be ${FACTOR_PROMPT_MODES.join(", ")}.` }).nullish(),
      rememberDeviceByDefault: z.boolean({ error: "Must be true or false." }).nullish(),
      factorLifetime: minutes(1, LIFETIME).nullish(),
      primaryFactor: z.never({ error: notSupportedMessage("the password as primary factor") }).optional(),
      session: z
        .object(
          {
            maxSessionIdleMinutes: minutes(1, `Must be a whole number of minutes from 1 to ${MAX_MINUTES}.`).nullish(),
            maxSessionLifetimeMinutes: minutes(0, `Must be 0 (no limit) or a whole number of minutes up to ${MAX_MINUTES}.`).nullish(),
            usePersistentCookie: z.boolean({ error: "Must be true or false." }).nullish(),
          },
          { error: "Must be an object with maxSessionIdleMinutes, maxSessionLifetimeMinutes and usePersistentCookie." },
        )
        .nullish(),
    },
    { error: 'Must be an object: {"access": "ALLOW" | "DENY", ...}.' },
  )
  .superRefine((signon, ctx) => {
    if (!signon.requireFactor) return;
    if (signon.factorPromptMode == null) ctx.addIssue({ code: "custom", path: ["factorPromptMode"], message: REQUIRED_WITH_FACTOR });
    if (signon.factorLifetime == null) ctx.addIssue({ code: "custom", path: ["factorLifetime"], message: REQUIRED_WITH_FACTOR });
  })
  .transform(
    (signon): SignOnActions => ({
      signon: {
        access: signon.access,
        requireFactor: signon.requireFactor ?? false,
        factorPromptMode: signon.requireFactor ? (signon.factorPromptMode ?? null) : null,
        rememberDeviceByDefault: signon.rememberDeviceByDefault ?? false,
        factorLifetime: signon.requireFactor ? (signon.factorLifetime ?? null) : null,
        session: {
          maxSessionIdleMinutes: signon.session?.maxSessionIdleMinutes ?? SESSION_DEFAULTS.maxSessionIdleMinutes,
          maxSessionLifetimeMinutes: signon.session?.maxSessionLifetimeMinutes ?? SESSION_DEFAULTS.maxSessionLifetimeMinutes,
          usePersistentCookie: signon.session?.usePersistentCookie ?? SESSION_DEFAULTS.usePersistentCookie,
        },
      },
    }),
  );

const ACTIONS_REQUIRED = {
  OKTA_SIGN_ON: 'The field cannot be left blank; give {"signon": {"access": "ALLOW" | "DENY", ...}}.',
  MFA_ENROLL: 'The field cannot be left blank; give {"enroll": {"self": "CHALLENGE" | "LOGIN" | "NEVER"}}.',
  ACCESS_POLICY: 'The field cannot be left blank; give {"appSignOn": {"access": "ALLOW" | "DENY", "verificationMethod": {"factorMode": "1FA" | "2FA", "type": "ASSURANCE"}}}.',
};

const VERIFICATION = 'Must be {"factorMode": "1FA" | "2FA", "type": "ASSURANCE", "reauthenticateIn"?: "PT2H"}.';
const REAUTHENTICATE_IN = `Must be an ISO 8601 duration in whole weeks, days, hours, minutes or seconds from PT0S to PT43800H, such as "PT2H" (years, months and fractions are not accepted).`;

/** Verification Method object of type ASSURANCE; what this server cannot enforce is refused by name. */
const verificationMethod = onlyKnownKeys(
  {
    factorMode: z.enum(FACTOR_MODES, { error: "Must be 1FA or 2FA." }),
    type: z.literal("ASSURANCE", { error: `Must be ASSURANCE (${notSupportedMessage("ASSURANCE")}).` }),
    constraints: z.array(z.unknown()).max(0, notSupportedMessage("no authenticator constraints")).nullish(),
    reauthenticateIn: z
      .string({ error: REAUTHENTICATE_IN })
      .refine((value) => parseReauthenticateIn(value) !== null, REAUTHENTICATE_IN)
      .nullish(),
  },
  VERIFICATION,
  "factorMode, type, reauthenticateIn",
);

/**
 * Authentication policy rule action (spec: AccessPolicyRuleApplicationSignOn, VerificationMethod):
 * access ALLOW (with its verification method) or DENY (the sign-in to the app is refused; a
 * verification method may be sent and is kept, 1FA when left out). What this server cannot enforce
 * is refused by name, never ignored: verification methods other than ASSURANCE (AUTH_METHOD_CHAIN),
 * authenticator constraints, inactivityPeriod, keepMeSignedIn and any other key.
 */
const appSignOnActions = onlyKnownKeys(
  {
    access: z.enum(APP_ACCESS, { error: "Must be ALLOW or DENY." }),
    verificationMethod: verificationMethod.nullish(),
  },
  ACTIONS_REQUIRED.ACCESS_POLICY,
  "access, verificationMethod",
)
  .superRefine((action, ctx) => {
    if (action.access === "ALLOW" && action.verificationMethod == null) ctx.addIssue({ code: "custom", path: ["verificationMethod"], message: `Required when access is ALLOW. ${VERIFICATION}` });
  })
  .transform((action): AppSignOnActions => {
    const method = action.verificationMethod;
    return {
      appSignOn: {
        access: action.access,
        verificationMethod: {
          factorMode: method?.factorMode ?? "1FA",
          type: "ASSURANCE",
          ...(method?.reauthenticateIn != null ? { reauthenticateIn: method.reauthenticateIn } : {}),
        },
      },
    };
  });

const actionsOf = (type: PolicyType) =>
  type === "OKTA_SIGN_ON"
    ? z.object({ signon: signonActions }, { error: ACTIONS_REQUIRED.OKTA_SIGN_ON }).transform((actions): OrgRuleActions => actions.signon)
    : type === "ACCESS_POLICY"
      ? z
          .object({ appSignOn: appSignOnActions }, { error: ACTIONS_REQUIRED.ACCESS_POLICY })
          .transform((actions): OrgRuleActions => actions.appSignOn)
      : z
        .object(
          { enroll: z.object({ self: z.enum(ENROLL_MOMENTS, { error: `Must be ${ENROLL_MOMENTS.join(", ")}.` }) }, { error: ACTIONS_REQUIRED.MFA_ENROLL }) },
          { error: ACTIONS_REQUIRED.MFA_ENROLL },
        )
        .transform((actions): OrgRuleActions => ({ enroll: { self: actions.enroll.self } }));

/**
 * Create and replace bodies of a rule of a policy of `type` (spec: Rules object; SIGN_ON rules:
 * Signon Action object; MFA_ENROLL rules: Rules Actions Enroll object; ACCESS_POLICY rules:
 * AccessPolicyRuleApplicationSignOn). `type`, when sent, must be
 * the policy's rule type. Read-only properties clients echo back are ignored; null counts as omitted.
 */
export const orgPolicyRuleInput = (type: PolicyType) =>
  z
    .object(
      {
        type: z.literal(RULE_TYPE_OF[type], { error: `Must be ${RULE_TYPE_OF[type]} (the rule type of a ${type} policy).` }).nullish(),
        name: policyName,
        status: lifecycleStatus.nullish(),
        priority: priority.nullish(),
        conditions,
        actions: actionsOf(type),
      },
      { error: "The request body must be a JSON object." },
    )
    .transform(
      (body): OrgPolicyRuleFields => ({ name: body.name, status: body.status ?? null, priority: body.priority ?? null, conditions: body.conditions, actions: body.actions }),
    );

export type OrgPolicyRuleBody = BodyOf<ReturnType<typeof orgPolicyRuleInput>>;
