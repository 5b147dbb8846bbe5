import { ActionForm } from "../../_components/action-form";
import { Checkbox, PageHeader, Section, TextField } from "../../_components/ui";
import { adminCall } from "../../_lib/admin-request";

export const metadata = { title: "Add user" };

export default async function NewUserPage() {
  await adminCall();
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/admin/users", label: "Users" }]} title="Add user" />
      <Section title="Profile">
        <ActionForm action="user.create" submitLabel="Create user">
          <div className="grid max-w-2xl grid-cols-1 gap-4 md:grid-cols-2">
            <TextField name="firstName" label="First name" required autoComplete="off" />
            <TextField name="lastName" label="Last name" required autoComplete="off" />
            <TextField name="login" label="Username" type="email" required hint="An email address, e.g. ada@example.com." />
            <TextField name="email" label="Primary email" type="email" required />
            <TextField name="password" label="Password" type="password" autoComplete="new-password" hint="Optional: at least 8 characters, not containing the username. Without one the user is PROVISIONED." />
            <div className="md:col-span-2">
              <Checkbox name="activate" label="Activate now" defaultChecked hint="Unchecked: the user is STAGED and cannot sign in until activated." />
            </div>
          </div>
        </ActionForm>
      </Section>
    </>
  );
}
