import { ActionForm } from "../../_components/action-form";
import { DefinitionList, Section, formatTime } from "../../_components/ui";
import { ServerFields } from "../_server-form";
import { loadServer, ServerHeader } from "../_server-header";

export const metadata = { title: "Authorization server" };

export default async function AuthorizationServerSettingsPage({ params }: { params: Promise<{ authServerId: string }> }) {
  const { authServerId } = await params;
  const server = await loadServer(authServerId);
  const fields = { authServerId: server.id };
  const signing = server.credentials.signing;
  return (
    <>
      <ServerHeader server={server} current="settings" />
      <Section title="Settings">
        <ActionForm action="authorizationServer.update" fields={fields} submitLabel="Save settings">
          <ServerFields server={server} />
        </ActionForm>
      </Section>
      <Section title="Details">
        <DefinitionList
          items={[
            ["ID", <span key="id" className="font-mono">{server.id}</span>],
            ["Issuer", <span key="iss" className="font-mono">{server.issuer}</span>],
            ["Metadata URI", <span key="meta" className="font-mono">{`${server.issuer}/.well-known/openid-configuration`}</span>],
            ["Active key (kid)", <span key="kid" className="font-mono">{signing.kid ?? "—"}</span>],
            ["Last rotated", formatTime(signing.lastRotated)],
            ["Next rotation", signing.rotationMode === "AUTO" ? formatTime(signing.nextRotation ?? null) : "Manual"],
          ]}
        />
      </Section>
      <Section title="Status and deletion">
        <div className="flex flex-wrap gap-3">
          {server.status === "ACTIVE" ? (
            <ActionForm
              action="authorizationServer.deactivate"
              fields={fields}
              submitLabel="Deactivate"
              variant="secondary"
              inline
              confirm={{ title: `Deactivate ${server.name}?`, body: "Its endpoints stop answering and its tokens stop validating until you activate it again.", confirmLabel: "Deactivate" }}
            />
          ) : (
            <ActionForm action="authorizationServer.activate" fields={fields} submitLabel="Activate" variant="secondary" inline />
          )}
          <ActionForm
            action="authorizationServer.delete"
            fields={fields}
            submitLabel="Delete authorization server"
            variant="danger"
            inline
            confirm={{ title: `Delete ${server.name}?`, body: "Its scopes, claims, policies, keys and every token it issued are deleted. This cannot be undone.", confirmLabel: "Delete" }}
          />
        </div>
      </Section>
    </>
  );
}
