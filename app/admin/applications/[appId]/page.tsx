import { runListAppGroups } from "@/lib/admin/app-assignments/list-app-groups";
import { runListAppUsers } from "@/lib/admin/app-assignments/list-app-users";
import { runListAppClientSecrets } from "@/lib/admin/apps/client-secrets/list-app-client-secrets";
import { runGetApp } from "@/lib/admin/apps/get-app";
import { pageOf } from "@/lib/admin/pagination";
import { ActionForm } from "../../_components/action-form";
import { CopyButton } from "../../_components/copy-button";
import { Picker } from "../../_components/picker";
import { Checkbox, ChoiceGroup, DataTable, DefinitionList, EmptyState, PageHeader, Section, StatusBadge, Td, TextArea, TextField, formatTime } from "../../_components/ui";
import { read } from "../../_lib/admin-request";
import { pickerSelection } from "../../_lib/picker-selection";
import { TYPE_LABELS } from "../_app-types";
import { GrantsSection } from "./_grants-section";

export const metadata = { title: "Application" };

const GRANTS: Record<string, Array<{ value: string; label: string }>> = {
  web: [
    { value: "authorization_code", label: "Authorization Code" },
    { value: "refresh_token", label: "Refresh Token" },
    { value: "client_credentials", label: "Client Credentials" },
    { value: "password", label: "Resource Owner Password" },
    { value: "implicit", label: "Implicit" },
  ],
  browser: [
    { value: "authorization_code", label: "Authorization Code" },
    { value: "refresh_token", label: "Refresh Token" },
    { value: "implicit", label: "Implicit" },
  ],
  native: [
    { value: "authorization_code", label: "Authorization Code" },
    { value: "refresh_token", label: "Refresh Token" },
    { value: "password", label: "Resource Owner Password" },
    { value: "implicit", label: "Implicit" },
  ],
  service: [{ value: "client_credentials", label: "Client Credentials" }],
};

export default async function ApplicationPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const app = await read((ctx) => runGetApp(ctx, appId));
  const type = app.settings.oauthClient.application_type;
  const confidential = app.credentials.oauthClient.token_endpoint_auth_method !== "none";
  const [users, groups, secrets] = await Promise.all([
    read(async (ctx) => (await runListAppUsers(ctx, appId, () => ({ page: pageOf(200, null) }))).items),
    read(async (ctx) => (await runListAppGroups(ctx, appId, () => ({ page: pageOf(200, null) }))).items),
    confidential ? read((ctx) => runListAppClientSecrets(ctx, appId)) : Promise.resolve([]),
  ]);
  const groupNames = await pickerSelection("group", groups.map((g) => g.id));
  const groupName = new Map([...groupNames].map(([id, option]) => [id, option.label]));
  const fields = { appId: app.id };
  const oauth = app.settings.oauthClient;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/admin/applications", label: "Applications" }]}
        title={app.label}
        description={
          <>
            {TYPE_LABELS[type] ?? type} application · <StatusBadge status={app.status} />
          </>
        }
      />
      <Section title="Client credentials">
        <DefinitionList
          items={[
            [
              "Client ID",
              <span key="cid" className="flex flex-wrap items-center gap-2">
                <code className="font-mono" data-testid="client-id">
                  {app.credentials.oauthClient.client_id}
                </code>
                <CopyButton value={app.credentials.oauthClient.client_id} label="Copy client ID" />
              </span>,
            ],
            ["Client authentication", confidential ? app.credentials.oauthClient.token_endpoint_auth_method : "None (public client, PKCE)"],
            ["Created", formatTime(app.created)],
          ]}
        />
        {confidential ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Client secrets</h3>
            <DataTable caption="Client secrets" headers={["Secret", "Created", "Status", "Actions"]}>
              {secrets.map((secret) => (
                <tr key={secret.id}>
                  <Td className="font-mono text-xs">{secret.client_secret}</Td>
                  <Td>{formatTime(secret.created)}</Td>
                  <Td>
                    <StatusBadge status={secret.status} />
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {secret.status === "ACTIVE" ? (
                        <ActionForm action="app.secret.deactivate" fields={{ ...fields, secretId: secret.id }} submitLabel="Deactivate" variant="secondary" inline />
                      ) : (
                        <>
                          <ActionForm action="app.secret.activate" fields={{ ...fields, secretId: secret.id }} submitLabel="Activate" variant="secondary" inline />
                          <ActionForm action="app.secret.delete" fields={{ ...fields, secretId: secret.id }} submitLabel="Delete" variant="danger" inline confirm={{ title: "Delete this client secret?", body: "It stops working at once.", confirmLabel: "Delete" }} />
                        </>
                      )}
                    </div>
                  </Td>
                </tr>
              ))}
            </DataTable>
            <div className="mt-3">
              <ActionForm action="app.secret.create" fields={fields} submitLabel="Generate new secret" variant="secondary" />
            </div>
          </div>
        ) : null}
      </Section>
      <Section title="Settings">
        <ActionForm action="app.update" fields={fields} submitLabel="Save settings">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <TextField name="label" label="Application name" defaultValue={app.label} required />
            <ChoiceGroup legend="Grant types" name="grantTypes" options={GRANTS[type] ?? []} selected={oauth.grant_types} />
            {type !== "service" ? (
              <>
                <TextArea name="redirectUris" label="Sign-in redirect URIs" defaultValue={oauth.redirect_uris.join("\n")} hint="One per line." />
                <TextArea name="postLogoutRedirectUris" label="Sign-out redirect URIs" defaultValue={(oauth.post_logout_redirect_uris ?? []).join("\n")} hint="One per line." />
                <TextField name="initiateLoginUri" label="Initiate login URI" defaultValue={oauth.initiate_login_uri} />
                <Checkbox name="consentRequired" label="Require user consent" defaultChecked={oauth.consent_method === "REQUIRED"} />
                <Checkbox name="pkceRequired" label="Require PKCE" defaultChecked={app.credentials.oauthClient.pkce_required} hint="Always on for public clients." />
              </>
            ) : null}
          </div>
        </ActionForm>
      </Section>
      {type !== "service" ? (
        <Section title="Assignments" description="Only assigned users (directly or through a group) get tokens for this app.">
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 text-sm font-semibold">Users</h3>
              {users.length === 0 ? (
                <EmptyState title="No users assigned" />
              ) : (
                <DataTable caption="Assigned users" headers={["User", ""]}>
                  {users.map((user) => (
                    <tr key={user.id}>
                      <Td>{user.credentials.userName}</Td>
                      <Td>
                        {user.scope === "USER" ? (
                          <ActionForm action="app.unassignUser" fields={{ ...fields, userId: user.id }} submitLabel="Remove" submitAriaLabel={`Remove ${user.credentials.userName}`} variant="secondary" inline />
                        ) : (
                          <span className="text-xs text-slate-600">through a group</span>
                        )}
                      </Td>
                    </tr>
                  ))}
                </DataTable>
              )}
              <ActionForm action="app.assignUser" fields={fields} submitLabel="Assign user" className="mt-3" resetOnSuccess>
                <Picker kind="user" name="userId" id="assign-user" label="User" selected={[]} multiple={false} />
              </ActionForm>
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold">Groups</h3>
              {groups.length === 0 ? (
                <EmptyState title="No groups assigned" />
              ) : (
                <DataTable caption="Assigned groups" headers={["Group", ""]}>
                  {groups.map((group) => (
                    <tr key={group.id}>
                      <Td>{groupName.get(group.id) ?? group.id}</Td>
                      <Td>
                        <ActionForm action="app.unassignGroup" fields={{ ...fields, groupId: group.id }} submitLabel="Remove" submitAriaLabel={`Remove ${groupName.get(group.id) ?? group.id}`} variant="secondary" inline />
                      </Td>
                    </tr>
                  ))}
                </DataTable>
              )}
              <ActionForm action="app.assignGroup" fields={fields} submitLabel="Assign group" className="mt-3" resetOnSuccess>
                <Picker kind="group" name="groupId" id="assign-group" label="Group" selected={[]} multiple={false} />
              </ActionForm>
            </div>
          </div>
        </Section>
      ) : null}
      <GrantsSection appId={app.id} signOnMode={app.signOnMode} />
      <Section title="Status and deletion">
        <div className="flex flex-wrap gap-3">
          {app.status === "ACTIVE" ? (
            <ActionForm action="app.deactivate" fields={fields} submitLabel="Deactivate" variant="secondary" inline confirm={{ title: `Deactivate ${app.label}?`, body: "Its tokens are revoked and it cannot sign anyone in until activated again.", confirmLabel: "Deactivate" }} />
          ) : (
            <>
              <ActionForm action="app.activate" fields={fields} submitLabel="Activate" variant="secondary" inline />
              <ActionForm action="app.delete" fields={fields} submitLabel="Delete application" variant="danger" inline confirm={{ title: `Delete ${app.label}?`, body: "This cannot be undone.", confirmLabel: "Delete" }} />
            </>
          )}
        </div>
        {app.status === "ACTIVE" ? <p className="mt-2 text-sm text-slate-600">Deactivate the application before deleting it.</p> : null}
      </Section>
    </>
  );
}
