import { runListClaims } from "@/lib/admin/claims/list-claims";
import { pageOf } from "@/lib/admin/pagination";
import type { ListItem } from "@/lib/dashboard/call-operation";
import { loadScopeNames } from "../policies/_options";
import { ActionForm } from "../../../_components/action-form";
import { ExpressionField } from "../../../_components/expression-field";
import { Checkbox, ChoiceGroup, DataTable, EmptyState, Section, SelectField, Td, TextField } from "../../../_components/ui";
import { read } from "../../../_lib/admin-request";
import { loadServer, ServerHeader } from "../../_server-header";

export const metadata = { title: "Claims" };

type ClaimJson = ListItem<typeof runListClaims>;

function ClaimFields({ claim, prefix, scopes }: { claim?: ClaimJson; prefix: string; scopes: string[] }) {
  const conditionScopes = claim?.conditions.scopes ?? [];
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <TextField id={`${prefix}-name`} name="name" label="Claim name" defaultValue={claim?.name} required />
      <SelectField
        id={`${prefix}-claimType`}
        name="claimType"
        label="Include in token type"
        defaultValue={claim?.claimType ?? "RESOURCE"}
        options={[
          { value: "RESOURCE", label: "Access token" },
          { value: "IDENTITY", label: "ID token" },
        ]}
      />
      <div className="md:col-span-2">
        <ExpressionField idPrefix={prefix} name="value" label="Value" defaultValue={claim?.value ?? ""} defaultValueType={claim?.valueType === "GROUPS" ? "GROUPS" : "EXPRESSION"} defaultGroupFilterType={claim?.group_filter_type ?? undefined} />
      </div>
      <SelectField
        id={`${prefix}-scopeMode`}
        name="scopeMode"
        label="Include in"
        defaultValue={conditionScopes.length ? "scopes" : "any"}
        options={[
          { value: "any", label: "Any scope" },
          { value: "scopes", label: "Only the scopes checked below" },
        ]}
      />
      <SelectField
        id={`${prefix}-status`}
        name="status"
        label="Status"
        defaultValue={claim?.status ?? "ACTIVE"}
        options={[
          { value: "ACTIVE", label: "Active" },
          { value: "INACTIVE", label: "Inactive" },
        ]}
      />
      <div className="md:col-span-2">
        <ChoiceGroup idPrefix={prefix} legend="Scopes" name="conditionScopes" options={scopes.map((s) => ({ value: s, label: s }))} selected={conditionScopes} />
      </div>
      <Checkbox id={`${prefix}-always`} name="alwaysIncludeInToken" label="Always include in the ID token (otherwise only from /userinfo when an access token comes too)" defaultChecked={claim?.alwaysIncludeInToken ?? true} />
    </div>
  );
}

export default async function ClaimsPage({ params }: { params: Promise<{ authServerId: string }> }) {
  const { authServerId } = await params;
  const server = await loadServer(authServerId);
  const [claims, scopeNames] = await Promise.all([
    read(async (ctx) => (await runListClaims(ctx, server.id, () => ({ page: pageOf(200, null) }))).items),
    loadScopeNames(server.id),
  ]);
  const custom = claims.filter((claim) => !claim.system);
  const system = claims.filter((claim) => claim.system);
  return (
    <>
      <ServerHeader server={server} current="claims" />
      <Section title="Custom claims" description="Added to access tokens (RESOURCE) or ID tokens (IDENTITY); values are Okta Expression Language.">
        {custom.length === 0 ? (
          <EmptyState title="No custom claims yet">Add one below, e.g. a claim email with value user.email.</EmptyState>
        ) : (
          <DataTable caption="Custom claims" headers={["Name", "Token", "Value", "Scopes", "Status", "Actions"]}>
            {custom.map((claim) => (
              <tr key={claim.id}>
                <Td className="font-mono">{claim.name}</Td>
                <Td>{claim.claimType === "RESOURCE" ? "Access" : "ID"}</Td>
                <Td className="max-w-xs break-all font-mono text-xs">
                  {claim.valueType === "GROUPS" ? `groups ${claim.group_filter_type}: ` : ""}
                  {claim.value}
                </Td>
                <Td>{claim.conditions.scopes.length ? claim.conditions.scopes.join(", ") : "Any"}</Td>
                <Td>{claim.status}</Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit<span className="sr-only"> claim {claim.name}</span></summary>
                    <div className="mt-3 min-w-[18rem]">
                      <ActionForm action="claim.update" fields={{ authServerId: server.id, claimId: claim.id }} submitLabel="Save claim">
                        <ClaimFields claim={claim} prefix={`claim-${claim.id}`} scopes={scopeNames} />
                      </ActionForm>
                      <div className="mt-3">
                        <ActionForm
                          action="claim.delete"
                          fields={{ authServerId: server.id, claimId: claim.id }}
                          submitLabel="Delete claim"
                          variant="danger"
                          inline
                          confirm={{ title: `Delete claim ${claim.name}?`, body: "Tokens issued from now on will not carry it.", confirmLabel: "Delete" }}
                        />
                      </div>
                    </div>
                  </details>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section title="Add claim">
        <ActionForm action="claim.create" fields={{ authServerId: server.id }} submitLabel="Add claim" resetOnSuccess>
          <ClaimFields prefix="new-claim" scopes={scopeNames} />
        </ActionForm>
      </Section>
      {system.length ? (
        <Section title="System claims" description="Produced by the server for the OpenID Connect scopes; read-only.">
          <p className="text-sm text-slate-700">{system.map((claim) => claim.name).join(", ")}</p>
        </Section>
      ) : null}
    </>
  );
}
