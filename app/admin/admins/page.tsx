import Link from "next/link";
import { runListAdmins } from "@/lib/admin/roles/role-operations";
import { ROLE_OPTIONS, roleLabel } from "@/lib/dashboard/role-options";
import { ActionForm } from "../_components/action-form";
import { Picker } from "../_components/picker";
import { DataTable, EmptyState, PageHeader, Section, SelectField, StatusBadge, Td, buttonClass } from "../_components/ui";
import { read } from "../_lib/admin-request";

export const metadata = { title: "Admins" };

const ASSIGNEES = [
  { type: "USER", kind: "user", noun: "user", label: "User", title: "Assign a role to a user" },
  { type: "GROUP", kind: "okta-group", noun: "group", label: "Group", title: "Assign a role to a group", hint: "Every member of the group holds the role." },
  { type: "APP", kind: "client", noun: "app", label: "App", title: "Assign a role to an app", hint: "The app's client_credentials tokens for the management API act with the role." },
] as const;

const KIND_LABEL = { USER: "User", GROUP: "Group", APP: "App" } as const;

/** Whose page an admin's name links to. */
function holderHref(type: keyof typeof KIND_LABEL, id: string): string {
  return type === "USER" ? `/admin/users/${id}` : type === "GROUP" ? `/admin/groups/${id}` : `/admin/applications/${id}`;
}

export default async function AdminsPage() {
  const admins = await read((ctx) => runListAdmins(ctx));
  return (
    <>
      <PageHeader title="Admins" description="Who administers this organization: users, groups and apps holding an admin role. Only a super administrator assigns and unassigns roles." />
      <Section title="Administrators">
        {admins.length === 0 ? (
          <EmptyState title="No administrators">Assign a role below to make a user, a group or an app an administrator.</EmptyState>
        ) : (
          <DataTable caption="Administrators" headers={["Name", "Kind", "Status", "Roles"]}>
            {admins.map((admin) => (
              <tr key={`${admin.assigneeType}:${admin.id}`}>
                <Td>
                  <Link href={holderHref(admin.assigneeType, admin.id)} className={buttonClass.link}>
                    {admin.displayName}
                  </Link>
                  {admin.name !== admin.displayName ? <span className="block text-slate-600">{admin.name}</span> : null}
                </Td>
                <Td>{KIND_LABEL[admin.assigneeType]}</Td>
                <Td>{admin.status ? <StatusBadge status={admin.status} /> : "—"}</Td>
                <Td>
                  <ul className="flex flex-col gap-2">
                    {admin.roles.map((role) => (
                      <li key={role.id} className="flex flex-wrap items-center gap-2">
                        <span data-testid="admin-role">{roleLabel(role.type)}</span>
                        <ActionForm
                          action="role.unassign"
                          fields={{ assigneeType: admin.assigneeType, assigneeId: admin.id, roleAssignmentId: role.id }}
                          submitLabel="Unassign"
                          submitAriaLabel={`Unassign ${roleLabel(role.type)} from ${admin.displayName}`}
                          variant="secondary"
                          inline
                          confirm={{ title: `Unassign ${roleLabel(role.type)} from ${admin.displayName}?`, body: "They lose the role's rights at once, in the dashboard and the API.", confirmLabel: "Unassign" }}
                        />
                      </li>
                    ))}
                  </ul>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      {ASSIGNEES.map((assignee) => (
        <Section key={assignee.type} title={assignee.title} description={"hint" in assignee ? assignee.hint : undefined}>
          <ActionForm action="role.assign" fields={{ assigneeType: assignee.type }} submitLabel="Assign role" resetOnSuccess>
            <div className="grid max-w-3xl grid-cols-1 gap-4 md:grid-cols-2">
              <Picker kind={assignee.kind} name="assigneeId" id={`assign-${assignee.noun}`} label={assignee.label} selected={[]} multiple={false} />
              <SelectField name="roleType" id={`assign-${assignee.noun}-role`} label="Role" options={ROLE_OPTIONS.map((role) => ({ value: role.type, label: role.label }))} required />
            </div>
          </ActionForm>
        </Section>
      ))}
    </>
  );
}
