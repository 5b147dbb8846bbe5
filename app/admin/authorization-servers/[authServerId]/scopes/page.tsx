import { pageOf } from "@/lib/admin/pagination";
import { runListScopes } from "@/lib/admin/scopes/list-scopes";
import type { ListItem } from "@/lib/dashboard/call-operation";
import { ActionForm } from "../../../_components/action-form";
import { Checkbox, DataTable, EmptyState, Section, SelectField, Td, TextArea, TextField } from "../../../_components/ui";
import { read } from "../../../_lib/admin-request";
import { loadServer, ServerHeader } from "../../_server-header";

export const metadata = { title: "Scopes" };

type ScopeJson = ListItem<typeof runListScopes>;

function ScopeFields({ scope, prefix }: { scope?: ScopeJson; prefix: string }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <TextField id={`${prefix}-name`} name="name" label="Name" defaultValue={scope?.name} required hint="Requested in the scope parameter, e.g. orders:read." />
      <TextField id={`${prefix}-displayName`} name="displayName" label="Display name" defaultValue={scope?.displayName} hint="Shown on the consent page." />
      <div className="md:col-span-2">
        <TextArea id={`${prefix}-description`} name="description" label="Description" defaultValue={scope?.description} rows={2} />
      </div>
      <SelectField
        id={`${prefix}-consent`}
        name="consent"
        label="User consent"
        defaultValue={scope?.consent ?? "IMPLICIT"}
        options={[
          { value: "IMPLICIT", label: "Implicit (no consent prompt)" },
          { value: "REQUIRED", label: "Required" },
          { value: "FLEXIBLE", label: "Flexible" },
        ]}
      />
      <SelectField
        id={`${prefix}-metadataPublish`}
        name="metadataPublish"
        label="Metadata"
        defaultValue={scope?.metadataPublish ?? "NO_CLIENTS"}
        options={[
          { value: "NO_CLIENTS", label: "Not published in discovery" },
          { value: "ALL_CLIENTS", label: "Published in discovery (scopes_supported)" },
        ]}
      />
      <Checkbox id={`${prefix}-default`} name="default" label="Default scope (granted when a request names no scope)" defaultChecked={scope?.default} />
    </div>
  );
}

export default async function ScopesPage({ params }: { params: Promise<{ authServerId: string }> }) {
  const { authServerId } = await params;
  const server = await loadServer(authServerId);
  const { items: scopes } = await read((ctx) => runListScopes(ctx, server.id, () => ({ page: pageOf(200, null) })));
  return (
    <>
      <ServerHeader server={server} current="scopes" />
      <Section title="Scopes" description="What clients may ask for. System scopes (openid, profile, email, address, phone, offline_access) cannot be renamed or deleted.">
        {scopes.length === 0 ? (
          <EmptyState title="No scopes" />
        ) : (
          <DataTable caption="Scopes" headers={["Name", "Description", "Consent", "Default", "Actions"]}>
            {scopes.map((scope) => (
              <tr key={scope.id}>
                <Td>
                  <span className="font-mono">{scope.name}</span>
                  {scope.system ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">system</span> : null}
                </Td>
                <Td className="max-w-xs">{scope.description ?? "—"}</Td>
                <Td>{scope.consent}</Td>
                <Td>{scope.default ? "Yes" : "No"}</Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit<span className="sr-only"> scope {scope.name}</span></summary>
                    <div className="mt-3 min-w-[18rem]">
                      <ActionForm action="scope.update" fields={{ authServerId: server.id, scopeId: scope.id }} submitLabel="Save scope">
                        <ScopeFields scope={scope} prefix={`scope-${scope.id}`} />
                      </ActionForm>
                      {!scope.system ? (
                        <div className="mt-3">
                          <ActionForm
                            action="scope.delete"
                            fields={{ authServerId: server.id, scopeId: scope.id }}
                            submitLabel="Delete scope"
                            variant="danger"
                            inline
                            confirm={{ title: `Delete scope ${scope.name}?`, body: "Rules and claims that name it must not use it any more.", confirmLabel: "Delete" }}
                          />
                        </div>
                      ) : null}
                    </div>
                  </details>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section title="Add scope">
        <ActionForm action="scope.create" fields={{ authServerId: server.id }} submitLabel="Add scope" resetOnSuccess>
          <ScopeFields prefix="new-scope" />
        </ActionForm>
      </Section>
    </>
  );
}
