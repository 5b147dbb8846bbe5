import { runGetPolicy } from "@/lib/admin/policies/get-policy";
import { runListPolicyRules } from "@/lib/admin/policy-rules/list-policy-rules";
import { ActionForm } from "../../../../_components/action-form";
import { EditDetails, RowActions } from "../../../../_components/row-actions";
import { DataTable, EmptyState, PageHeader, Section, StatusBadge, Td } from "../../../../_components/ui";
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
      <Section title="Rules" description="Evaluated in priority order; the first ACTIVE rule that matches the grant type, user and scopes decides the token lifetimes.">
        {sorted.length === 0 ? (
          <EmptyState title="No rules yet">A policy without rules denies every request. Add a rule below.</EmptyState>
        ) : (
          <DataTable caption="Rules" headers={["Priority", "Name", "Grant types", "Users", "Scopes", "Access token", "Status", "Actions"]}>
            {sorted.map((rule, index) => {
              const ruleFields = { ...fields, ruleId: rule.id };
              return (
                <tr key={rule.id}>
                  <Td>{rule.priority}</Td>
                  <Td className="font-medium">{rule.name}</Td>
                  <Td className="text-xs">{rule.conditions.grantTypes.include.join(", ")}</Td>
                  <Td className="max-w-[12rem] text-xs">{peopleSummary(rule)}</Td>
                  <Td className="text-xs">{rule.conditions.scopes.include.includes("*") ? "Any" : rule.conditions.scopes.include.join(", ")}</Td>
                  <Td>{rule.actions.token.accessTokenLifetimeMinutes} min</Td>
                  <Td>
                    <StatusBadge status={rule.status} />
                  </Td>
                  <Td>
                    <RowActions
                      prefix="rule"
                      fields={ruleFields}
                      name={rule.name}
                      noun="rule"
                      up={index > 0}
                      down={index < sorted.length - 1}
                      status={rule.status}
                      deleteBody="Requests it matched fall through to the next rule."
                    />
                    <EditDetails label={`rule ${rule.name}`}>
                      <ActionForm action="rule.update" fields={ruleFields} submitLabel="Save rule">
                        <RuleFields rule={rule} prefix={`rule-${rule.id}`} people={people} scopes={scopes} />
                      </ActionForm>
                    </EditDetails>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Section>
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
          {policy.status === "ACTIVE" ? (
            <ActionForm action="policy.deactivate" fields={fields} submitLabel="Deactivate policy" variant="secondary" inline />
          ) : (
            <ActionForm action="policy.activate" fields={fields} submitLabel="Activate policy" variant="secondary" inline />
          )}
          <ActionForm
            action="policy.delete"
            fields={fields}
            submitLabel="Delete policy"
            variant="danger"
            inline
            confirm={{ title: `Delete policy ${policy.name}?`, body: "Its rules are deleted with it.", confirmLabel: "Delete" }}
          />
        </div>
      </Section>
    </>
  );
}
