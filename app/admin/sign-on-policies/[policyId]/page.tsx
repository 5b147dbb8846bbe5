import Link from "next/link";
import { runGetOrgPolicy } from "@/lib/admin/org-policies/get-org-policy";
import { runListOrgPolicyRules } from "@/lib/admin/org-policies/list-org-policy-rules";
import { runListPolicyApps } from "@/lib/admin/org-policies/list-policy-apps";
import { pageOf } from "@/lib/admin/pagination";
import type { PolicyType } from "@/lib/dashboard/org-policy-options";
import { loadRulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { zoneOptions } from "@/lib/dashboard/pickers/zone-options";
import { ActionForm } from "../../_components/action-form";
import { PolicyLifecycleActions, RuleTable } from "../../_components/rule-table";
import { Picker } from "../../_components/picker";
import { DataTable, EmptyState, PageHeader, Section, StatusBadge, Td, buttonClass } from "../../_components/ui";
import { adminCall, read } from "../../_lib/admin-request";
import { pickerSelection } from "../../_lib/picker-selection";
import { OrgPolicyFields, OrgRuleFields, POLICY_TYPE_LABEL, ruleSummary, type OrgRuleJson } from "../_forms";

export const metadata = { title: "Sign-on policy" };

const LIST_HREF: Record<PolicyType, string> = { OKTA_SIGN_ON: "/admin/sign-on-policies", MFA_ENROLL: "/admin/sign-on-policies/enrollment", ACCESS_POLICY: "/admin/sign-on-policies/authentication" };
const ACTIONS_HEADER: Record<PolicyType, string> = { OKTA_SIGN_ON: "Sign-on", MFA_ENROLL: "Enrollment", ACCESS_POLICY: "App sign-on" };

/** Where a rule's client address must (not) be, by zone name. */
function networkSummary(rule: OrgRuleJson, zoneNames: ReadonlyMap<string, string>): string {
  const network = rule.conditions.network as { connection: string; include?: string[]; exclude?: string[] };
  if (network.connection !== "ZONE") return "Anywhere";
  const names = (ids: readonly string[]) => ids.map((id) => zoneNames.get(id) ?? id).join(", ");
  return network.include?.length ? `In ${names(network.include)}` : `Not in ${names(network.exclude ?? [])}`;
}

/** Apps listed on an authentication policy's page: the Apps API's page size. */
const POLICY_APPS_PAGE = 200;

/**
 * The apps an authentication policy decides for (the default one: also every app assigned to no
 * other policy), and the form that assigns another app to it (the Apps API's assign operation).
 */
async function PolicyApps({ policyId, isDefault }: { policyId: string; isDefault: boolean }) {
  const { items, nextCursor } = await read((ctx) => runListPolicyApps(ctx, policyId, () => pageOf(POLICY_APPS_PAGE, null)));
  return (
    <Section
      title="Apps"
      description={isDefault ? "The apps assigned to this policy and every app assigned to no other policy." : "The apps whose sign-in this policy decides. Assigning an app here moves it from the policy it had."}
    >
      {items.length === 0 ? (
        <EmptyState title="No apps">Assign an app below: until then this policy decides for no one.</EmptyState>
      ) : (
        <DataTable caption="Apps assigned to this policy" headers={["App", "Client ID", "Status"]}>
          {items.map((app) => (
            <tr key={app.id}>
              <Td>
                <Link href={`/admin/applications/${app.id}`} className={buttonClass.link}>
                  {app.label}
                </Link>
              </Td>
              <Td className="font-mono text-xs break-all">{app.credentials.oauthClient.client_id}</Td>
              <Td>
                <StatusBadge status={app.status} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      {nextCursor ? <p className="mt-2 text-xs text-slate-600">The first {POLICY_APPS_PAGE} apps are shown.</p> : null}
      <div className="mt-4 border-t border-slate-200 pt-4">
        <ActionForm action="accessPolicy.assignApp" fields={{ policyId }} submitLabel="Assign app" resetOnSuccess>
          <Picker kind="client" id="assign-app" name="clientId" label="App" selected={[]} multiple={false} hint="The app's sign-in follows this policy from now on." />
        </ActionForm>
      </div>
    </Section>
  );
}

export default async function OrgPolicyPage({ params }: { params: Promise<{ policyId: string }> }) {
  const { policyId } = await params;
  const [policy, rules] = await Promise.all([read((ctx) => runGetOrgPolicy(ctx, policyId)), read((ctx) => runListOrgPolicyRules(ctx, policyId))]);
  const type: PolicyType = policy.type === "MFA_ENROLL" || policy.type === "ACCESS_POLICY" ? policy.type : "OKTA_SIGN_ON";
  const [people, groups, zones] = await Promise.all([loadRulePeople(await adminCall(), rules), pickerSelection("group", policy.conditions.people.groups.include), read(zoneOptions)]);
  const fields = { policyId: policy.id };
  const listHref = LIST_HREF[type];
  const zoneNames = new Map(zones.map((zone) => [zone.value, zone.label]));
  const peopleSummary = (rule: OrgRuleJson) => {
    const { users, groups: ruleGroups } = rule.conditions.people;
    const included = [...users.include.map((id) => people.users.get(id)?.label ?? id), ...ruleGroups.include.map((id) => `${people.groups.get(id)?.label ?? id} (group)`)];
    const excluded = [...users.exclude.map((id) => people.users.get(id)?.label ?? id), ...ruleGroups.exclude.map((id) => `${people.groups.get(id)?.label ?? id} (group)`)];
    return `${included.length ? included.join(", ") : "Everyone"}${excluded.length ? `; except ${excluded.join(", ")}` : ""}`;
  };
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: listHref, label: "Sign-on policies" }]}
        title={policy.name}
        description={
          <>
            {POLICY_TYPE_LABEL[type]}, priority {policy.priority}
            {policy.system ? " (the default policy)" : ""} · <StatusBadge status={policy.status} />
          </>
        }
      />
      <RuleTable
        rules={rules}
        description="Evaluated in priority order: the first ACTIVE rule that matches the user decides. The default rule, last, applies to everyone else."
        emptyText="A policy without an active rule does not apply to anyone. Add a rule below."
        caption="Rules in priority order"
        columns={[
          { header: "People", cell: peopleSummary, className: "max-w-[14rem] text-xs" },
          ...(type === "ACCESS_POLICY" ? [{ header: "Network", cell: (rule: OrgRuleJson) => networkSummary(rule, zoneNames), className: "max-w-[12rem] text-xs" }] : []),
          { header: ACTIONS_HEADER[type], cell: ruleSummary, className: "max-w-[16rem] text-xs" },
        ]}
        prefix="orgRule"
        fields={fields}
        deleteBody="The users it matched fall through to the next rule."
        editFields={(rule) => <OrgRuleFields rule={rule} type={type} prefix={`rule-${rule.id}`} people={people} zones={zones} />}
      />
      <Section title="Add rule" description="A new rule comes before the default rule.">
        <ActionForm action="orgRule.create" fields={fields} submitLabel="Create rule" resetOnSuccess>
          <OrgRuleFields type={type} prefix="new-rule" zones={zones} />
        </ActionForm>
      </Section>
      {type === "ACCESS_POLICY" ? <PolicyApps policyId={policy.id} isDefault={policy.system} /> : null}
      <Section title="Policy settings">
        <ActionForm action="orgPolicy.update" fields={fields} submitLabel="Save policy">
          <OrgPolicyFields policy={policy} type={type} prefix="policy" groups={groups} />
        </ActionForm>
        <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-200 pt-4">
          {policy.system ? (
            <p className="text-sm text-slate-600">The default policy cannot be deactivated or deleted: it decides for everyone no other policy applies to.</p>
          ) : (
            <PolicyLifecycleActions prefix="orgPolicy" fields={fields} name={policy.name} status={policy.status} />
          )}
        </div>
      </Section>
    </>
  );
}
