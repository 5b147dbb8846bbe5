import type { runGetOrgPolicy } from "@/lib/admin/org-policies/get-org-policy";
import type { runGetOrgPolicyRule } from "@/lib/admin/org-policies/get-org-policy-rule";
import type { OperationValue } from "@/lib/dashboard/call-operation";
import {
  APP_ACCESS,
  ENROLL_MOMENTS,
  ENROLL_REQUIREMENTS,
  FACTOR_KEYS,
  FACTOR_MODES,
  FACTOR_PROMPT_MODES,
  MAX_MINUTES,
  type AppAccess,
  type EnrollMoment,
  type EnrollRequirement,
  type FactorKey,
  type FactorMode,
  type FactorPromptMode,
  type PolicyType,
} from "@/lib/dashboard/org-policy-options";
import { chosen, type PickerOption } from "@/lib/dashboard/pickers/picker-option";
import type { RulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { Picker } from "../_components/picker";
import { Checkbox, ChoiceGroup, SelectField, TextArea, TextField } from "../_components/ui";

export type OrgPolicyJson = OperationValue<typeof runGetOrgPolicy>;
export type OrgRuleJson = OperationValue<typeof runGetOrgPolicyRule>;

export const POLICY_TYPE_LABEL: Record<PolicyType, string> = {
  OKTA_SIGN_ON: "Global session (sign-on) policy",
  MFA_ENROLL: "Factor enrollment policy",
  ACCESS_POLICY: "App authentication policy",
};

export const APP_ACCESS_LABEL: Record<AppAccess, string> = { ALLOW: "Allowed", DENY: "Denied" };

export const FACTOR_MODE_LABEL: Record<FactorMode, string> = {
  "1FA": "Any one factor (the global session policy decides)",
  "2FA": "Two factors (a one-factor session steps up)",
};

export const FACTOR_LABEL: Record<FactorKey, string> = {
  okta_otp: "One-time code app (TOTP), provider Okta",
  google_otp: "Google Authenticator (TOTP)",
  fido_webauthn: "Passkey or security key (WebAuthn)",
};

export const REQUIREMENT_LABEL: Record<EnrollRequirement, string> = { REQUIRED: "Required", OPTIONAL: "Optional", NOT_ALLOWED: "Not allowed" };

export const PROMPT_MODE_LABEL: Record<FactorPromptMode, string> = {
  ALWAYS: "Every sign-in",
  SESSION: "Once per factor lifetime",
  DEVICE: "Once per device (unless remembered)",
};

export const ENROLL_MOMENT_LABEL: Record<EnrollMoment, string> = {
  CHALLENGE: "When a factor is first asked for",
  LOGIN: "At the next sign-in",
  NEVER: "Never",
};

/** A select whose options are `keys` labelled by `labels` (the factor requirement, prompt mode and enrollment moment fields). */
function LabelledSelect<K extends string>({ id, name, label, labels, keys, defaultValue, hint }: { id: string; name: string; label: string; labels: Record<K, string>; keys: readonly K[]; defaultValue: string; hint?: string }) {
  return <SelectField id={id} name={name} label={label} defaultValue={defaultValue} options={keys.map((value) => ({ value, label: labels[value] }))} hint={hint} />;
}

/** A POLICY network zone a rule may name (the zone picker's options). */
export type ZoneOption = { value: string; label: string };

/**
 * A rule's network condition: anywhere, or in (not in) one of the chosen POLICY zones. The zone
 * picker lists the org's POLICY zones; an INACTIVE zone holds no address.
 */
function NetworkFields({ rule, prefix, zones }: { rule?: OrgRuleJson; prefix: string; zones: readonly ZoneOption[] }) {
  const network = rule?.conditions.network as { connection: string; include?: string[]; exclude?: string[] } | undefined;
  const mode = network?.connection !== "ZONE" ? "ANYWHERE" : network.include?.length ? "INCLUDE" : "EXCLUDE";
  return (
    <>
      <SelectField
        id={`${prefix}-network`}
        name="network"
        label="Network"
        defaultValue={mode}
        options={[
          { value: "ANYWHERE", label: "Anywhere" },
          { value: "INCLUDE", label: "In one of the chosen zones" },
          { value: "EXCLUDE", label: "Not in any of the chosen zones" },
        ]}
        hint="Where the client address must (not) be; see Network zones."
      />
      <ChoiceGroup idPrefix={prefix} legend="Zones" name="zones" options={[...zones]} selected={[...(network?.include ?? []), ...(network?.exclude ?? [])]} hint="Used unless the network is Anywhere." />
    </>
  );
}

/**
 * A policy's settings: name, description, the groups it applies to (not the default policy's:
 * everyone; not an authentication policy's: the apps assigned to it), an enrollment policy's factors.
 */
export function OrgPolicyFields({ policy, type, prefix, groups }: { policy?: OrgPolicyJson; type: PolicyType; prefix: string; groups?: ReadonlyMap<string, PickerOption> }) {
  const factors = policy?.settings?.factors;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <TextField id={`${prefix}-name`} name="name" label="Policy name" defaultValue={policy?.name} required />
      <div className="md:col-span-2">
        <TextArea id={`${prefix}-description`} name="description" label="Description" defaultValue={policy?.description} rows={2} />
      </div>
      {type === "ACCESS_POLICY" ? (
        <p className="text-sm text-slate-600 md:col-span-2">
          {policy?.system ? "The default policy decides for every app assigned to no other policy." : "The policy decides for the apps assigned to it; its rules say for whom."}
        </p>
      ) : policy?.system ? (
        <p className="text-sm text-slate-600 md:col-span-2">The default policy applies to everyone, after every other policy.</p>
      ) : (
        <div className="md:col-span-2">
          <Picker
            kind="group"
            id={`${prefix}-groups`}
            name="groups"
            label="Assigned to groups"
            selected={groups && policy ? chosen(groups, policy.conditions.people.groups.include) : []}
            hint="With no group chosen, the policy applies to everyone."
          />
        </div>
      )}
      {type === "MFA_ENROLL"
        ? FACTOR_KEYS.map((key) => (
            <LabelledSelect key={key} id={`${prefix}-factor-${key}`} name={`factor.${key}`} label={FACTOR_LABEL[key]} defaultValue={factors?.[key]?.enroll.self ?? "OPTIONAL"} labels={REQUIREMENT_LABEL} keys={ENROLL_REQUIREMENTS} />
          ))
        : null}
    </div>
  );
}

/** The actions of a sign-on rule: access, the factor it requires and how often, the session's limits. */
function SignOnActionFields({ rule, prefix }: { rule?: OrgRuleJson; prefix: string }) {
  const signon = rule?.actions.signon;
  return (
    <>
      <SelectField
        id={`${prefix}-access`}
        name="access"
        label="Access"
        defaultValue={signon?.access ?? "ALLOW"}
        options={[
          { value: "ALLOW", label: "Allowed" },
          { value: "DENY", label: "Denied" },
        ]}
      />
      <div className="self-end">
        <Checkbox id={`${prefix}-requireFactor`} name="requireFactor" label="Require a second factor" defaultChecked={signon?.requireFactor ?? false} hint="The user verifies an enrolled factor after their password." />
      </div>
      <LabelledSelect
        id={`${prefix}-factorPromptMode`}
        name="factorPromptMode"
        label="Ask for the factor"
        defaultValue={signon?.factorPromptMode ?? "ALWAYS"}
        labels={PROMPT_MODE_LABEL}
        keys={FACTOR_PROMPT_MODES}
        hint="Used when a second factor is required."
      />
      <TextField
        id={`${prefix}-factorLifetime`}
        name="factorLifetime"
        type="number"
        min={1}
        max={MAX_MINUTES}
        label="Factor lifetime (minutes)"
        defaultValue={signon?.factorLifetime ?? 15}
        hint={`How long a verified factor counts, 1 to ${MAX_MINUTES} minutes (90 days).`}
      />
      <div className="md:col-span-2">
        <Checkbox
          id={`${prefix}-rememberDeviceByDefault`}
          name="rememberDeviceByDefault"
          label="“Remember this device” checked by default"
          defaultChecked={signon?.rememberDeviceByDefault ?? false}
          hint="With “Once per device”, a remembered device is not asked again within the factor lifetime."
        />
      </div>
      <TextField
        id={`${prefix}-maxSessionIdleMinutes`}
        name="maxSessionIdleMinutes"
        type="number"
        min={1}
        max={MAX_MINUTES}
        label="Session idle time (minutes)"
        defaultValue={signon?.session.maxSessionIdleMinutes ?? 120}
        hint="The session ends after this long without use."
      />
      <TextField
        id={`${prefix}-maxSessionLifetimeMinutes`}
        name="maxSessionLifetimeMinutes"
        type="number"
        min={0}
        max={MAX_MINUTES}
        label="Session lifetime (minutes)"
        defaultValue={signon?.session.maxSessionLifetimeMinutes ?? 0}
        hint="0 = no limit beyond the idle time."
      />
      <div className="md:col-span-2">
        <Checkbox id={`${prefix}-usePersistentCookie`} name="usePersistentCookie" label="Keep the session across browser restarts (persistent cookie)" defaultChecked={signon?.session.usePersistentCookie ?? false} />
      </div>
    </>
  );
}

/**
 * The actions of an authentication (ACCESS_POLICY) rule: access, how many factors, and how recent
 * the sign-in must be (reauthenticateIn, an ISO 8601 duration; blank: any age).
 */
function AppSignOnActionFields({ rule, prefix }: { rule?: OrgRuleJson; prefix: string }) {
  const appSignOn = rule?.actions.appSignOn;
  return (
    <>
      <LabelledSelect id={`${prefix}-access`} name="access" label="Access" defaultValue={appSignOn?.access ?? "ALLOW"} labels={APP_ACCESS_LABEL} keys={APP_ACCESS} hint="Denied: the app's sign-in and refresh tokens are refused." />
      <LabelledSelect
        id={`${prefix}-factorMode`}
        name="factorMode"
        label="Factors required"
        defaultValue={appSignOn?.verificationMethod.factorMode ?? "1FA"}
        labels={FACTOR_MODE_LABEL}
        keys={FACTOR_MODES}
        hint="Used when access is allowed."
      />
      <TextField
        id={`${prefix}-reauthenticateIn`}
        name="reauthenticateIn"
        label="Sign in again after"
        defaultValue={appSignOn?.verificationMethod.reauthenticateIn ?? ""}
        hint="An ISO 8601 duration such as PT2H (2 hours) or P1D; blank: a session of any age will do."
      />
    </>
  );
}

/**
 * A rule of a policy of `type`: name, people and network (not the default rule's: everyone,
 * anywhere) and the actions of the type. Included users and groups: none means everyone not excluded.
 */
export function OrgRuleFields({ rule, type, prefix, people, zones = [] }: { rule?: OrgRuleJson; type: PolicyType; prefix: string; people?: RulePeople; zones?: readonly ZoneOption[] }) {
  const conditions = rule?.conditions.people;
  const pick = (selection: ReadonlyMap<string, PickerOption> | undefined, ids: readonly string[] | undefined) => (selection && ids ? chosen(selection, ids) : []);
  const enroll = rule?.actions.enroll;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <TextField id={`${prefix}-name`} name="name" label="Rule name" defaultValue={rule?.name} required />
      </div>
      {rule?.system ? (
        <p className="text-sm text-slate-600 md:col-span-2">The default rule applies to everyone, anywhere, after every other rule.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600 md:col-span-2">With no user or group included, the rule applies to everyone who is not excluded.</p>
          <Picker kind="user" id={`${prefix}-includeUsers`} name="includeUsers" label="Include users" selected={pick(people?.users, conditions?.users.include)} />
          <Picker kind="group" id={`${prefix}-includeGroups`} name="includeGroups" label="Include groups" selected={pick(people?.groups, conditions?.groups.include)} />
          <Picker kind="user" id={`${prefix}-excludeUsers`} name="excludeUsers" label="Exclude users" selected={pick(people?.users, conditions?.users.exclude)} />
          <Picker kind="group" id={`${prefix}-excludeGroups`} name="excludeGroups" label="Exclude groups" selected={pick(people?.groups, conditions?.groups.exclude)} />
          <NetworkFields rule={rule} prefix={prefix} zones={zones} />
        </>
      )}
      {type === "MFA_ENROLL" ? (
        <LabelledSelect id={`${prefix}-enrollSelf`} name="enrollSelf" label="Enroll the required factors" defaultValue={enroll?.self ?? "CHALLENGE"} labels={ENROLL_MOMENT_LABEL} keys={ENROLL_MOMENTS} />
      ) : type === "ACCESS_POLICY" ? (
        <AppSignOnActionFields rule={rule} prefix={prefix} />
      ) : (
        <SignOnActionFields rule={rule} prefix={prefix} />
      )}
    </div>
  );
}

/** One line on what a rule does (the rules table). */
export function ruleSummary(rule: OrgRuleJson): string {
  const { enroll, signon, appSignOn } = rule.actions;
  if (enroll) return `Enroll: ${ENROLL_MOMENT_LABEL[enroll.self as EnrollMoment] ?? enroll.self}`;
  if (appSignOn) {
    if (appSignOn.access === "DENY") return "Access denied";
    const { factorMode, reauthenticateIn } = appSignOn.verificationMethod;
    return `${factorMode === "2FA" ? "Two factors" : "Any one factor"}${reauthenticateIn ? `; sign in again after ${reauthenticateIn}` : ""}`;
  }
  if (!signon) return "—";
  const { access, requireFactor, factorPromptMode, factorLifetime, session } = signon;
  if (access === "DENY") return "Access denied";
  const factor = requireFactor ? `Second factor: ${PROMPT_MODE_LABEL[factorPromptMode as FactorPromptMode] ?? factorPromptMode} (${factorLifetime} min)` : "No second factor";
  return `${factor}; session idle ${session.maxSessionIdleMinutes} min${session.maxSessionLifetimeMinutes ? `, at most ${session.maxSessionLifetimeMinutes} min` : ""}`;
}
