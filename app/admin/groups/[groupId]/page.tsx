import Link from "next/link";
import { runGetGroup } from "@/lib/admin/groups/get-group";
import { runListGroupMembers } from "@/lib/admin/groups/list-group-members";
import { pageOf } from "@/lib/admin/pagination";
import { ActionForm } from "../../_components/action-form";
import { Picker } from "../../_components/picker";
import { DataTable, EmptyState, PageHeader, Pager, Section, StatusBadge, Td, TextField, buttonClass } from "../../_components/ui";
import { read } from "../../_lib/admin-request";

export const metadata = { title: "Group" };


export default async function GroupPage({ params, searchParams }: { params: Promise<{ groupId: string }>; searchParams: Promise<{ after?: string }> }) {
  const { groupId } = await params;
  const { after } = await searchParams;
  const group = await read((ctx) => runGetGroup(ctx, groupId));
  const builtIn = group.type === "BUILT_IN";
  const { items: members, nextCursor: next } = await read((ctx) => runListGroupMembers(ctx, group.id, () => ({ page: pageOf(200, after) })));
  const fields = { groupId: group.id };
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/admin/groups", label: "Groups" }]} title={group.profile.name} description={group.profile.description ?? (builtIn ? "Built-in group" : undefined)} />
      <Section title="Members">
        {members.length === 0 ? (
          <EmptyState title="No members yet" />
        ) : (
          <DataTable caption="Members" headers={["User", "Login", "Status", ""]}>
            {members.map((user) => (
              <tr key={user.id}>
                <Td>
                  <Link href={`/admin/users/${user.id}`} className={buttonClass.link}>
                    {user.profile.firstName} {user.profile.lastName}
                  </Link>
                </Td>
                <Td className="break-all">{user.profile.login}</Td>
                <Td>
                  <StatusBadge status={user.status} />
                </Td>
                <Td>{builtIn ? null : <ActionForm action="group.removeMember" fields={{ ...fields, userId: user.id }} submitLabel="Remove" submitAriaLabel={`Remove ${user.profile.login}`} variant="secondary" inline />}</Td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pager basePath={`/admin/groups/${group.id}`} params={{}} after={after} next={next} />
        {builtIn ? (
          <p className="mt-3 text-sm text-slate-600">Everyone holds every user; its membership cannot be changed.</p>
        ) : (
          <ActionForm action="group.addMember" fields={fields} submitLabel="Add member" className="mt-3" resetOnSuccess>
            <Picker kind="user" name="userId" id="add-member" label="User" selected={[]} multiple={false} />
          </ActionForm>
        )}
      </Section>
      {!builtIn ? (
        <Section title="Settings">
          <ActionForm action="group.update" fields={fields} submitLabel="Save group">
            <div className="grid max-w-2xl grid-cols-1 gap-4">
              <TextField name="name" label="Name" defaultValue={group.profile.name} required />
              <TextField name="description" label="Description" defaultValue={group.profile.description} />
            </div>
          </ActionForm>
          <div className="mt-4 border-t border-slate-200 pt-4">
            <ActionForm action="group.delete" fields={fields} submitLabel="Delete group" variant="danger" inline confirm={{ title: `Delete ${group.profile.name}?`, body: "Members lose the app assignments and policy rules that came through this group.", confirmLabel: "Delete" }} />
          </div>
        </Section>
      ) : null}
    </>
  );
}
