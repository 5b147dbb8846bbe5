// The sign-on, enrollment and authentication policy forms' choices and ranges: the values the Policy API validates against.
export { APP_ACCESS, ENROLL_FACTORS, ENROLL_MOMENTS, ENROLL_REQUIREMENTS, FACTOR_KEYS, FACTOR_MODES, FACTOR_PROMPT_MODES, ORG_POLICY_TYPES } from "../sign-on-policies/org-policy-types";
export type { AppAccess, EnrollMoment, EnrollRequirement, FactorKey, FactorMode, FactorPromptMode, OrgPolicyType, PolicyType } from "../sign-on-policies/org-policy-types";
export { MAX_MINUTES } from "../admin/org-policies/org-policy-rule-input";
