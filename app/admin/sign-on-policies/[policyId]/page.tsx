import { runGetOrgPolicy } from "@/lib/admin/org-policies/get-org-policy";
import { runListOrgPolicyRules } from "@/lib/admin/org-policies/list-org-policy-rules";
import { loadRulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { zoneOptions } from "@/lib/dashboard/pickers/zone-options";
import { ActionForm } from "../../_components/action-form";
import { PolicyLifecycleActions, RuleTable } from "../../_components/rule-table";
import { PageHeader, Section, StatusBadge } from "../../_components/ui";
import { adminCall, read } from "../../_lib/admin-request";
import { pickerSelection } from "../../_lib/picker-selection";
import { OrgPolicyFields, OrgRuleFields, POLICY_TYPE_LABEL, ruleSummary, type OrgRuleJson } from "../_forms";

export const metadata = { title: "Sign-on policy" };

export default async function OrgPolicyPage({ params }: { params: Promise<{ policyId: string }> }) {
  const { policyId } = await params;
  const [policy, rules] = await Promise.all([read((ctx) => runGetOrgPolicy(ctx, policyId)), read((ctx) => runListOrgPolicyRules(ctx, policyId))]);
  const type = policy.type === "MFA_ENROLL" ? "MFA_ENROLL" : "OKTA_SIGN_ON";
  const [people, groups, zones] = await Promise.all([loadRulePeople(await adminCall(), rules), pickerSelection("group", policy.conditions.people.groups.include), read(zoneOptions)]);
  const fields = { policyId: policy.id };
  const listHref = type === "MFA_ENROLL" ? "/admin/sign-on-policies/enrollment" : "/admin/sign-on-policies";
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
          { header: type === "MFA_ENROLL" ? "Enrollment" : "Sign-on", cell: ruleSummary, className: "max-w-[16rem] text-xs" },
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
