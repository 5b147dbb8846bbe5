import { GRANTABLE_SCOPES } from "@/lib/admin/app-grants/app-grant-input";
import { runListAppGrants } from "@/lib/admin/app-grants/list-app-grants";
import { ActionForm } from "../../_components/action-form";
import { DataTable, EmptyState, Section, SelectField, Td, formatTime } from "../../_components/ui";
import { read } from "../../_lib/admin-request";

/**
 * The app's Okta API scopes (OAuth 2.0 for Okta): the okta.* scopes the org authorization server
 * may issue it, granted and revoked here or through /api/v1/apps/{appId}/grants. OpenID Connect
 * apps only.
 */
export async function GrantsSection({ appId, signOnMode }: { appId: string; signOnMode: string }) {
  if (signOnMode !== "OPENID_CONNECT") return null;
  const grants = await read((ctx) => runListAppGrants(ctx, appId));
  const granted = new Set(grants.map((grant) => grant.scopeId));
  const available = GRANTABLE_SCOPES.filter((scope) => !granted.has(scope));
  const fields = { appId };
  return (
    <Section
      title="Okta API scopes"
      description="Scopes this app may request from the org authorization server (its access tokens call the management API, /api/v1, with the app's or the user's admin roles)."
    >
      {grants.length === 0 ? (
        <EmptyState title="No Okta API scopes granted" />
      ) : (
        <DataTable caption="Granted Okta API scopes" headers={["Scope", "Granted", ""]}>
          {grants.map((grant) => (
            <tr key={grant.id}>
              <Td className="font-mono text-xs">{grant.scopeId}</Td>
              <Td>{formatTime(grant.created)}</Td>
              <Td>
                <ActionForm
                  action="appGrant.revoke"
                  fields={{ ...fields, grantId: grant.id, scopeId: grant.scopeId }}
                  submitLabel="Revoke"
                  submitAriaLabel={`Revoke ${grant.scopeId}`}
                  variant="secondary"
                  inline
                  confirm={{ title: `Revoke ${grant.scopeId}?`, body: "New tokens no longer get it; tokens issued already keep it until they expire (an hour at most).", confirmLabel: "Revoke" }}
                />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      {available.length > 0 ? (
        <ActionForm action="appGrant.grant" fields={fields} submitLabel="Grant scope" className="mt-3" resetOnSuccess>
          <SelectField name="scopeId" id="grant-scope" label="Okta API scope" options={available.map((scope) => ({ value: scope, label: scope }))} required />
        </ActionForm>
      ) : null}
    </Section>
  );
}
