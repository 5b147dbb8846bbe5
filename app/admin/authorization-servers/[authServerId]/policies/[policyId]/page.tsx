import { runGetPolicy } from "@/lib/admin/policies/get-policy";
import { runListPolicyRules } from "@/lib/admin/policy-rules/list-policy-rules";
import { ActionForm } from "../../../../_components/action-form";
import { PolicyLifecycleActions, RuleTable } from "../../../../_components/rule-table";
import { PageHeader, Section, StatusBadge } from "../../../../_components/ui";
import { adminCall, read } from "../../../../_lib/admin-request";
import { loadServer } from "../../../_server-header";
import { loadPolicyClients, loadRulePeople } from "@/lib/dashboard/pickers/load-policy-selections";
import { loadScopeNames } from "../_options";
import { PolicyFields, RuleFields, type RuleJson } from "../_policy-forms";

export const metadata = { title: "Access policy" };

export default async function PolicyPage({ params }: { params: Promise<{ authServerId: string; policyId: string }> }) {
  const { authServerId, policyId } = await params;
  const server = await loadServer(authServerId);
  const [policy, rules, scopes] = await Promise.all([
    read((ctx) => runGetPolicy(ctx, server.id, policyId)),
    read((ctx) => runListPolicyRules(ctx, server.id, policyId)),
    loadScopeNames(server.id),
  ]);
  const call = await adminCall();
  const [people, clients] = await Promise.all([loadRulePeople(call, rules), loadPolicyClients(call, [policy])]);
  const sorted = [...rules].sort((a, b) => a.priority - b.priority);
  const fields = { authServerId: server.id, policyId: policy.id };
  const peopleSummary = (rule: RuleJson) => {
    const { users, groups } = rule.conditions.people;
    if (groups.include.includes("EVERYONE")) return "Everyone";
    const names = [...users.include.map((id) => people.users.get(id)?.label ?? id), ...groups.include.map((id) => `${people.groups.get(id)?.label ?? id} (group)`)];
    return names.length ? names.join(", ") : "Nobody";
  };
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { href: "/admin/authorization-servers", label: "Authorization servers" },
          { href: `/admin/authorization-servers/${server.id}/policies`, label: server.name },
        ]}
        title={policy.name}
        description={
          <>
            Access policy, priority {policy.priority} · <StatusBadge status={policy.status} />
          </>
        }
      />
      <RuleTable
        rules={sorted}
        description="Evaluated in priority order; the first ACTIVE rule that matches the grant type, user and scopes decides the token lifetimes."
        emptyText="A policy without rules denies every request. Add a rule below."
        caption="Rules"
        columns={[
          { header: "Grant types", cell: (rule) => rule.conditions.grantTypes.include.join(", "), className: "text-xs" },
          { header: "Users", cell: peopleSummary, className: "max-w-[12rem] text-xs" },
          { header: "Scopes", cell: (rule) => (rule.conditions.scopes.include.includes("*") ? "Any" : rule.conditions.scopes.include.join(", ")), className: "text-xs" },
          { header: "Access token", cell: (rule) => `${rule.actions.token.accessTokenLifetimeMinutes} min` },
        ]}
        prefix="rule"
        fields={fields}
        deleteBody="Requests it matched fall through to the next rule."
        editFields={(rule) => <RuleFields rule={rule} prefix={`rule-${rule.id}`} people={people} scopes={scopes} />}
      />
      <Section title="Add rule">
        <ActionForm action="rule.create" fields={fields} submitLabel="Create rule" resetOnSuccess>
          <RuleFields prefix="new-rule" scopes={scopes} />
        </ActionForm>
      </Section>
      <Section title="Policy settings">
        <ActionForm action="policy.update" fields={fields} submitLabel="Save policy">
          <PolicyFields policy={policy} prefix="policy" clients={clients} />
        </ActionForm>
        <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-200 pt-4">
          <PolicyLifecycleActions prefix="policy" fields={fields} name={policy.name} status={policy.status} />
        </div>
      </Section>
    </>
  );
}
