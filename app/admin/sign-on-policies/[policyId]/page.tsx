import { runGetOrgPolicy } from "@/lib/admin/org-policies/get-org-policy";
import { runListOrgPolicyRules } from "@/lib/admin/org-policies/list-org-policy-rules";
import { loadRulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { zoneOptions } from "@/lib/dashboard/pickers/zone-options";
import { ActionForm } from "../../_components/action-form";
import { EditDetails, RowActions } from "../../_components/row-actions";
import { DataTable, EmptyState, PageHeader, Section, StatusBadge, Td } from "../../_components/ui";
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
  const movable = (index: number) => index < rules.length && !rules[index]?.system;
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
      <Section title="Rules" description="Evaluated in priority order: the first ACTIVE rule that matches the user decides. The default rule, last, applies to everyone else.">
        {rules.length === 0 ? (
          <EmptyState title="No rules yet">A policy without an active rule does not apply to anyone. Add a rule below.</EmptyState>
        ) : (
          <DataTable caption="Rules in priority order" headers={["Priority", "Name", "People", type === "MFA_ENROLL" ? "Enrollment" : "Sign-on", "Status", "Actions"]}>
            {rules.map((rule, index) => {
              const ruleFields = { ...fields, ruleId: rule.id };
              return (
                <tr key={rule.id}>
                  <Td>{rule.priority}</Td>
                  <Td className="font-medium">
                    {rule.name}
                    {rule.system ? <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">Default</span> : null}
                  </Td>
                  <Td className="max-w-[14rem] text-xs">{peopleSummary(rule)}</Td>
                  <Td className="max-w-[16rem] text-xs">{ruleSummary(rule)}</Td>
                  <Td>
                    <StatusBadge status={rule.status} />
                  </Td>
                  <Td>
                    <RowActions
                      prefix="orgRule"
                      fields={ruleFields}
                      name={rule.name}
                      noun="rule"
                      up={!rule.system && index > 0}
                      down={!rule.system && movable(index + 1)}
                      status={rule.system ? null : rule.status}
                      deleteBody={rule.system ? null : "The users it matched fall through to the next rule."}
                    />
                    <EditDetails label={`rule ${rule.name}`}>
                      <ActionForm action="orgRule.update" fields={ruleFields} submitLabel="Save rule">
                        <OrgRuleFields rule={rule} type={type} prefix={`rule-${rule.id}`} people={people} zones={zones} />
                      </ActionForm>
                    </EditDetails>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Section>
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
            <>
              {policy.status === "ACTIVE" ? (
                <ActionForm action="orgPolicy.deactivate" fields={fields} submitLabel="Deactivate policy" variant="secondary" inline />
              ) : (
                <ActionForm action="orgPolicy.activate" fields={fields} submitLabel="Activate policy" variant="secondary" inline />
              )}
              <ActionForm
                action="orgPolicy.delete"
                fields={fields}
                submitLabel="Delete policy"
                variant="danger"
                inline
                confirm={{ title: `Delete policy ${policy.name}?`, body: "Its rules are deleted with it.", confirmLabel: "Delete" }}
              />
            </>
          )}
        </div>
      </Section>
    </>
  );
}
