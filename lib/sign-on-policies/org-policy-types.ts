/**
 * The org policies of Okta's Policy API that this server implements, as plain data (spec:
 * developer.okta.com/docs/reference/api/policy, "Global session policy" = OKTA_SIGN_ON,
 * "Multifactor (MFA) Enrollment Policy" = MFA_ENROLL, and the Identity Engine's "Authentication
 * policy" = ACCESS_POLICY, which apps are assigned to). Authorization-server policies
 * (OAUTH_AUTHORIZATION_POLICY) are lib/authorization-servers' and their own API's.
 * ORG_POLICY_TYPES: the org-wide ones (the dashboard's sign-on policies page).
 */
export const ORG_POLICY_TYPES = ["OKTA_SIGN_ON", "MFA_ENROLL"] as const;
export type OrgPolicyType = (typeof ORG_POLICY_TYPES)[number];
export const POLICY_TYPES = [...ORG_POLICY_TYPES, "ACCESS_POLICY"] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

/** The rule type of each policy type (Okta: a sign-on policy's rules are SIGN_ON). */
export const RULE_TYPE_OF = { OKTA_SIGN_ON: "SIGN_ON", MFA_ENROLL: "MFA_ENROLL", ACCESS_POLICY: "ACCESS_POLICY" } as const satisfies Record<PolicyType, string>;

export type LifecycleStatus = "ACTIVE" | "INACTIVE";

/**
 * The factors an MFA_ENROLL policy's settings.factors may name: the Policy Factors Configuration
 * object's keys for the factors this server offers, with the factor type and provider of the
 * Factors API each stands for.
 */
export const ENROLL_FACTORS = {
  okta_otp: { factorType: "token:software:totp", provider: "OKTA" },
  google_otp: { factorType: "token:software:totp", provider: "GOOGLE" },
  fido_webauthn: { factorType: "webauthn", provider: "FIDO" },
} as const;
export type FactorKey = keyof typeof ENROLL_FACTORS;
export const FACTOR_KEYS = Object.keys(ENROLL_FACTORS) as FactorKey[];

/** Policy Factor Enroll object, `self` (a factor left out of the settings is NOT_ALLOWED, Okta's default). */
export const ENROLL_REQUIREMENTS = ["REQUIRED", "OPTIONAL", "NOT_ALLOWED"] as const;
export type EnrollRequirement = (typeof ENROLL_REQUIREMENTS)[number];
export type FactorSettings = Record<FactorKey, EnrollRequirement>;

export type IncludeExclude = { include: string[]; exclude: string[] };

/**
 * Policy Network Condition object: ANYWHERE, or ZONE with the ids of POLICY network zones
 * (lib/network-zones) in `include` (the client address is in one of them) or in `exclude` (it is in
 * none of them), one list or the other, as Okta requires.
 */
export type NetworkCondition = { connection: "ANYWHERE" } | { connection: "ZONE"; include: string[]; exclude: string[] };

/**
 * A rule's conditions. people: the user is excluded when listed in users.exclude or a member of a
 * group in groups.exclude; with both include lists empty every other user matches, else only those
 * listed or in a listed group. network: where the client address must (not) be (NetworkCondition).
 */
export type OrgRuleConditions = {
  people: { users: IncludeExclude; groups: IncludeExclude };
  network: NetworkCondition;
};

export const FACTOR_PROMPT_MODES = ["ALWAYS", "SESSION", "DEVICE"] as const;
export type FactorPromptMode = (typeof FACTOR_PROMPT_MODES)[number];

/** Signon Action object (and its Signon Session object) as stored. */
export type SignOnActions = {
  signon: {
    access: "ALLOW" | "DENY";
    requireFactor: boolean;
    /** null unless requireFactor */
    factorPromptMode: FactorPromptMode | null;
    rememberDeviceByDefault: boolean;
    /** minutes; null unless requireFactor */
    factorLifetime: number | null;
    session: { maxSessionIdleMinutes: number; maxSessionLifetimeMinutes: number; usePersistentCookie: boolean };
  };
};

/** Rules Actions Enroll object: enroll the first time the user signs in (LOGIN), is challenged (CHALLENGE), or NEVER. */
export const ENROLL_MOMENTS = ["CHALLENGE", "LOGIN", "NEVER"] as const;
export type EnrollMoment = (typeof ENROLL_MOMENTS)[number];
export type EnrollActions = { enroll: { self: EnrollMoment } };

/**
 * Authentication policy rule action (spec: AccessPolicyRuleApplicationSignOn, VerificationMethod):
 * access ALLOW or DENY (the sign-in to the app is refused), with a verification method of type
 * ASSURANCE whose factorMode says how many factors the app asks for: 1FA (the global session policy
 * alone decides) or 2FA (a session whose amr lacks "mfa" steps up, as with acr_values
 * urn:okta:loa:2fa:any); `reauthenticateIn` (an ISO 8601 duration, e.g. PT2H; kept as given) asks
 * the user to sign in again when the session's authentication is older, as max_age does.
 */
export const FACTOR_MODES = ["1FA", "2FA"] as const;
export type FactorMode = (typeof FACTOR_MODES)[number];
export const APP_ACCESS = ["ALLOW", "DENY"] as const;
export type AppAccess = (typeof APP_ACCESS)[number];
export type VerificationMethod = { factorMode: FactorMode; type: "ASSURANCE"; reauthenticateIn?: string };
export type AppSignOnActions = { appSignOn: { access: AppAccess; verificationMethod: VerificationMethod } };

/** The action of the Catch-all Rule Okta gives every new authentication policy; here any one factor (this server's behaviour without one). */
export const CATCH_ALL_ACTIONS: AppSignOnActions = { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } };

export type OrgRuleActions = SignOnActions | EnrollActions | AppSignOnActions;

/** What a create or replace of a policy sets (status and priority: null keeps / defaults). */
export type OrgPolicyFields = {
  name: string;
  description: string | null;
  status: LifecycleStatus | null;
  priority: number | null;
  /** conditions.people.groups.include; empty applies to everyone */
  groupsInclude: string[];
  /** MFA_ENROLL only */
  settings: FactorSettings | null;
};

/** What a create or replace of a rule sets. */
export type OrgPolicyRuleFields = {
  name: string;
  status: LifecycleStatus | null;
  priority: number | null;
  conditions: OrgRuleConditions;
  actions: OrgRuleActions;
};

/** The conditions of the default rules: everyone, anywhere. */
export const EVERYONE_ANYWHERE: OrgRuleConditions = {
  people: { users: { include: [], exclude: [] }, groups: { include: [], exclude: [] } },
  network: { connection: "ANYWHERE" },
};

/** A stored policy's type (written only from POLICY_TYPES). */
export const policyTypeOf = (policy: { type: string }): PolicyType => policy.type as PolicyType;
