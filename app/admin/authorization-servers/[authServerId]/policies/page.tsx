import Link from "next/link";
import { runListPolicies } from "@/lib/admin/policies/list-policies";
import { ActionForm } from "../../../_components/action-form";
import { DataTable, EmptyState, Section, StatusBadge, Td, buttonClass } from "../../../_components/ui";
import { adminCall, read } from "../../../_lib/admin-request";
import { loadServer, ServerHeader } from "../../_server-header";
import { loadPolicyClients } from "@/lib/dashboard/pickers/load-policy-selections";
import { PolicyFields } from "./_policy-forms";

export const metadata = { title: "Access policies" };

export default async function PoliciesPage({ params }: { params: Promise<{ authServerId: string }> }) {
  const { authServerId } = await params;
  const server = await loadServer(authServerId);
  const policies = await read((ctx) => runListPolicies(ctx, server.id));
  const clients = await loadPolicyClients(await adminCall(), policies);
  const sorted = [...policies].sort((a, b) => a.priority - b.priority);
  return (
    <>
      <ServerHeader server={server} current="policies" />
      <Section title="Access policies" description="Evaluated in priority order: the first ACTIVE policy that applies to the client decides, through the first of its rules that matches.">
        {sorted.length === 0 ? (
          <EmptyState title="No access policies yet">Without a policy this server issues no tokens. Add one below.</EmptyState>
        ) : (
          <DataTable caption="Access policies" headers={["Priority", "Name", "Clients", "Status", "Reorder"]}>
            {sorted.map((policy, index) => (
              <tr key={policy.id}>
                <Td>{policy.priority}</Td>
                <Td>
                  <Link href={`/admin/authorization-servers/${server.id}/policies/${policy.id}`} className={buttonClass.link}>
                    {policy.name}
                  </Link>
                  {policy.description ? <span className="block text-xs text-slate-600">{policy.description}</span> : null}
                </Td>
                <Td className="max-w-xs">{policy.conditions.clients.include.map((id) => (id === "ALL_CLIENTS" ? "All clients" : (clients.get(id)?.label ?? id))).join(", ")}</Td>
                <Td>
                  <StatusBadge status={policy.status} />
                </Td>
                <Td>
                  <div className="flex gap-1">
                    {index > 0 ? (
                      <ActionForm action="policy.move" fields={{ authServerId: server.id, policyId: policy.id, direction: "up" }} submitLabel="↑" submitAriaLabel={`Move ${policy.name} up`} variant="secondary" inline />
                    ) : null}
                    {index < sorted.length - 1 ? (
                      <ActionForm action="policy.move" fields={{ authServerId: server.id, policyId: policy.id, direction: "down" }} submitLabel="↓" submitAriaLabel={`Move ${policy.name} down`} variant="secondary" inline />
                    ) : null}
                  </div>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section title="Add access policy">
        <ActionForm action="policy.create" fields={{ authServerId: server.id }} submitLabel="Create policy">
          <PolicyFields prefix="new-policy" clients={clients} />
        </ActionForm>
      </Section>
    </>
  );
}
