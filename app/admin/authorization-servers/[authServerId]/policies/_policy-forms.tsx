import type { runGetPolicy } from "@/lib/admin/policies/get-policy";
import type { runGetPolicyRule } from "@/lib/admin/policy-rules/get-policy-rule";
import type { OperationValue } from "@/lib/dashboard/call-operation";
import { chosen, type PickerOption } from "@/lib/dashboard/pickers/picker-option";
import { Picker } from "../../../_components/picker";
import { ChoiceGroup, SelectField, TextArea, TextField } from "../../../_components/ui";
import type { RulePeople } from "@/lib/dashboard/pickers/load-policy-selections";

export type Option = { value: string; label: string };
export type PolicyJson = OperationValue<typeof runGetPolicy>;
export type RuleJson = OperationValue<typeof runGetPolicyRule>;

export const GRANT_TYPE_OPTIONS: Option[] = [
  { value: "authorization_code", label: "Authorization Code" },
  { value: "client_credentials", label: "Client Credentials" },
  { value: "password", label: "Resource Owner Password" },
  { value: "refresh_token", label: "Refresh Token" },
  { value: "implicit", label: "Implicit" },
];

export function PolicyFields({ policy, prefix, clients }: { policy?: PolicyJson; prefix: string; clients: ReadonlyMap<string, PickerOption> }) {
  const include = policy?.conditions.clients.include ?? ["ALL_CLIENTS"];
  const all = include.includes("ALL_CLIENTS");
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <TextField id={`${prefix}-name`} name="name" label="Policy name" defaultValue={policy?.name} required />
      <SelectField
        id={`${prefix}-clientsMode`}
        name="clientsMode"
        label="Assign to"
        defaultValue={all ? "ALL_CLIENTS" : "SELECTED"}
        options={[
          { value: "ALL_CLIENTS", label: "All clients" },
          { value: "SELECTED", label: "The clients chosen below" },
        ]}
      />
      <div className="md:col-span-2">
        <TextArea id={`${prefix}-description`} name="description" label="Description" defaultValue={policy?.description} rows={2} />
      </div>
      <div className="md:col-span-2">
        <Picker kind="client" id={`${prefix}-clients`} name="clients" label="Clients" selected={all ? [] : chosen(clients, include)} hint="Used when “Assign to” is “The clients chosen below”." />
      </div>
    </div>
  );
}

export function RuleFields({ rule, prefix, people: known, scopes }: { rule?: RuleJson; prefix: string; people?: RulePeople; scopes: string[] }) {
  const people = rule?.conditions.people;
  const everyone = !rule || (people?.groups.include.includes("EVERYONE") ?? true);
  const anyScope = !rule || rule.conditions.scopes.include.includes("*");
  const token = rule?.actions.token;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <TextField id={`${prefix}-name`} name="name" label="Rule name" defaultValue={rule?.name} required />
      </div>
      <div className="md:col-span-2">
        <ChoiceGroup idPrefix={prefix} legend="Grant types" name="grantTypes" options={GRANT_TYPE_OPTIONS} selected={rule?.conditions.grantTypes.include ?? ["authorization_code", "client_credentials", "refresh_token"]} />
      </div>
      <SelectField
        id={`${prefix}-peopleMode`}
        name="peopleMode"
        label="Users"
        defaultValue={everyone ? "EVERYONE" : "SELECTED"}
        options={[
          { value: "EVERYONE", label: "Any user assigned to the app" },
          { value: "SELECTED", label: "Only the users and groups chosen below" },
        ]}
      />
      <SelectField
        id={`${prefix}-scopesMode`}
        name="scopesMode"
        label="Scopes"
        defaultValue={anyScope ? "ANY" : "SELECTED"}
        options={[
          { value: "ANY", label: "Any scope" },
          { value: "SELECTED", label: "The scopes checked below" },
        ]}
      />
      <Picker kind="user" id={`${prefix}-includeUsers`} name="includeUsers" label="Include users" selected={pick(known?.users, people?.users.include)} />
      <Picker kind="group" id={`${prefix}-includeGroups`} name="includeGroups" label="Include groups" selected={everyone ? [] : pick(known?.groups, people?.groups.include)} />
      <Picker kind="user" id={`${prefix}-excludeUsers`} name="excludeUsers" label="Exclude users" selected={pick(known?.users, people?.users.exclude)} />
      <Picker kind="group" id={`${prefix}-excludeGroups`} name="excludeGroups" label="Exclude groups" selected={pick(known?.groups, people?.groups.exclude)} />
      <div className="md:col-span-2">
        <ChoiceGroup idPrefix={`${prefix}-s`} legend="Allowed scopes" name="scopes" options={scopes.map((s) => ({ value: s, label: s }))} selected={anyScope ? [] : (rule?.conditions.scopes.include ?? [])} hint="OpenID Connect scopes are always allowed once a rule matches." />
      </div>
      <TextField id={`${prefix}-at`} name="accessTokenLifetimeMinutes" type="number" min={5} max={1440} label="Access token lifetime (minutes)" defaultValue={token?.accessTokenLifetimeMinutes ?? 60} hint="5 to 1440 minutes (1 day)." />
      <TextField id={`${prefix}-rt`} name="refreshTokenLifetimeMinutes" type="number" min={0} label="Refresh token lifetime (minutes)" defaultValue={token?.refreshTokenLifetimeMinutes ?? 0} hint="0 = unlimited; otherwise at least the access token lifetime." />
      <TextField id={`${prefix}-rw`} name="refreshTokenWindowMinutes" type="number" min={10} max={129600} label="Refresh token unused window (minutes)" defaultValue={token?.refreshTokenWindowMinutes ?? 10080} hint="10 minutes to 90 days (129600)." />
    </div>
  );
}

function pick(selection: ReadonlyMap<string, PickerOption> | undefined, ids: readonly string[] | undefined): PickerOption[] {
  return selection && ids ? chosen(selection, ids) : [];
}
