import { ActionForm } from "../../_components/action-form";
import { PageHeader, Section } from "../../_components/ui";
import { adminCall } from "../../_lib/admin-request";
import { ServerFields } from "../_server-form";

export const metadata = { title: "Add authorization server" };

export default async function NewAuthorizationServerPage() {
  await adminCall();
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/admin/authorization-servers", label: "Authorization servers" }]} title="Add authorization server" />
      <Section title="Settings">
        <ActionForm action="authorizationServer.create" submitLabel="Create authorization server">
          <ServerFields />
        </ActionForm>
      </Section>
    </>
  );
}
