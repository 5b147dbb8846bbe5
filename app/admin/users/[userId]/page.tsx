import Link from "next/link";
import { pageOf } from "@/lib/admin/pagination";
import { runGetUser } from "@/lib/admin/users/get-user";
import { runListUserApps } from "@/lib/admin/users/list-user-apps";
import { runListUserGroups } from "@/lib/admin/users/list-user-groups";
import { runListUserSessions } from "@/lib/admin/users/list-user-sessions";
import { runListFactors } from "@/lib/admin/factors/list-factors";
import { ActionForm } from "../../_components/action-form";
import { Picker } from "../../_components/picker";
import { DataTable, DefinitionList, EmptyState, PageHeader, Section, StatusBadge, Td, TextField, buttonClass, formatTime } from "../../_components/ui";
import { read } from "../../_lib/admin-request";
import { UserFactors } from "./_factors";

export const metadata = { title: "User" };

const LIFECYCLE: Array<{ link: string; action: string; label: string; confirm?: string }> = [
  { link: "activate", action: "user.activate", label: "Activate" },
  { link: "unsuspend", action: "user.unsuspend", label: "Unsuspend" },
  { link: "unlock", action: "user.unlock", label: "Unlock" },
  { link: "suspend", action: "user.suspend", label: "Suspend", confirm: "The user cannot sign in until unsuspended; their sessions and tokens are revoked." },
  { link: "deactivate", action: "user.deactivate", label: "Deactivate", confirm: "The user cannot sign in; their sessions and tokens are revoked." },
];

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await read((ctx) => runGetUser(ctx, userId));
  const [groups, sessions, apps, factors] = await Promise.all([
    read(async (ctx) => (await runListUserGroups(ctx, user.id, () => ({ page: pageOf(200, null) }))).items),
    read((ctx) => runListUserSessions(ctx, user.id)),
    read((ctx) => runListUserApps(ctx, user.id)),
    read((ctx) => runListFactors(ctx, user.id)),
  ]);
  const fields = { userId: user.id };
  const name = `${user.profile.firstName} ${user.profile.lastName}`;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/admin/users", label: "Users" }]}
        title={name}
        description={
          <>
            {user.profile.login} · <StatusBadge status={user.status} />
          </>
        }
      />
      <Section title="Lifecycle">
        <DefinitionList
          items={[
            ["User ID", <span key="id" className="font-mono">{user.id}</span>],
            ["Created", formatTime(user.created)],
            ["Activated", formatTime(user.activated)],
            ["Last sign-in", formatTime(user.lastLogin)],
            ["Password changed", formatTime(user.passwordChanged)],
          ]}
        />
        <div className="mt-4 flex flex-wrap gap-2">
          {LIFECYCLE.filter((item) => item.link in user._links).map((item) => (
            <ActionForm
              key={item.action}
              action={item.action}
              fields={fields}
              submitLabel={item.label}
              variant="secondary"
              inline
              confirm={item.confirm ? { title: `${item.label} ${name}?`, body: item.confirm, confirmLabel: item.label } : undefined}
            />
          ))}
          {user.status === "DEPROVISIONED" ? (
            <ActionForm action="user.delete" fields={fields} submitLabel="Delete user" variant="danger" inline confirm={{ title: `Delete ${name}?`, body: "The user and everything they own here are deleted. This cannot be undone.", confirmLabel: "Delete" }} />
          ) : (
            <p className="self-center text-sm text-slate-600">Deactivate the user before deleting them.</p>
          )}
        </div>
      </Section>
      <Section title="Profile">
        <ActionForm action="user.update" fields={fields} submitLabel="Save profile">
          <div className="grid max-w-3xl grid-cols-1 gap-4 md:grid-cols-2">
            <TextField name="firstName" label="First name" defaultValue={user.profile.firstName} required />
            <TextField name="lastName" label="Last name" defaultValue={user.profile.lastName} required />
            <TextField name="login" label="Username" defaultValue={user.profile.login} required />
            <TextField name="email" label="Primary email" defaultValue={user.profile.email} required />
            <TextField name="mobilePhone" label="Mobile phone" defaultValue={user.profile.mobilePhone} />
            <TextField name="title" label="Title" defaultValue={user.profile.title} />
            <TextField name="department" label="Department" defaultValue={user.profile.department} />
            <TextField name="locale" label="Locale" defaultValue={user.profile.locale} hint="e.g. en_US" />
            <TextField name="timezone" label="Time zone" defaultValue={user.profile.timezone} hint="e.g. Europe/Paris" />
          </div>
        </ActionForm>
      </Section>
      <Section title="Set password">
        <ActionForm action="user.setPassword" fields={fields} submitLabel="Set password" resetOnSuccess>
          <div className="grid max-w-2xl grid-cols-1 gap-4 md:grid-cols-2">
            <TextField name="password" label="New password" type="password" autoComplete="new-password" required />
            <TextField name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" required />
          </div>
        </ActionForm>
      </Section>
      <UserFactors userId={user.id} name={name} factors={factors} />
      <Section title="Groups">
        {groups.length === 0 ? (
          <EmptyState title="Not a member of any group" />
        ) : (
          <DataTable caption="Groups" headers={["Group", ""]}>
            {groups.map((group) => (
              <tr key={group.id}>
                <Td>
                  <Link href={`/admin/groups/${group.id}`} className={buttonClass.link}>
                    {group.profile.name}
                  </Link>
                </Td>
                <Td>
                  {group.type === "OKTA_GROUP" ? (
                    <ActionForm action="user.removeGroup" fields={{ ...fields, groupId: group.id }} submitLabel="Remove" submitAriaLabel={`Remove from ${group.profile.name}`} variant="secondary" inline />
                  ) : (
                    <span className="text-xs text-slate-600">built-in</span>
                  )}
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
        <ActionForm action="user.addGroup" fields={fields} submitLabel="Add to group" className="mt-3" resetOnSuccess>
          <Picker kind="okta-group" name="groupId" id="add-group" label="Group" selected={[]} multiple={false} />
        </ActionForm>
      </Section>
      <Section title="Assigned applications">
        {apps.length === 0 ? (
          <EmptyState title="No applications assigned" />
        ) : (
          <DataTable caption="Assigned applications" headers={["Application", "Assigned", "Status"]}>
            {apps.map((app) => (
              <tr key={app.id}>
                <Td>
                  <Link href={`/admin/applications/${app.id}`} className={buttonClass.link}>
                    {app.label}
                  </Link>
                </Td>
                <Td>{app.via.join(", ")}</Td>
                <Td>
                  <StatusBadge status={app.status} />
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section
        title="Active sessions"
        actions={sessions.length ? <ActionForm action="user.revokeAllSessions" fields={fields} submitLabel="End all sessions" variant="secondary" inline confirm={{ title: "End all sessions?", body: "The user is signed out everywhere.", confirmLabel: "End sessions" }} /> : null}
      >
        {sessions.length === 0 ? (
          <EmptyState title="No active sessions" />
        ) : (
          <DataTable caption="Active sessions" headers={["Signed in", "Last seen", "Expires", "IP address", "Browser", ""]}>
            {sessions.map((session) => (
              <tr key={session.id}>
                <Td className="whitespace-nowrap">{formatTime(session.authTime)}</Td>
                <Td className="whitespace-nowrap">{formatTime(session.lastSeen)}</Td>
                <Td className="whitespace-nowrap">{formatTime(session.expiresAt)}</Td>
                <Td>{session.ipAddress ?? "—"}</Td>
                <Td className="max-w-xs truncate" >{session.userAgent ?? "—"}</Td>
                <Td>
                  <ActionForm action="user.revokeSession" fields={{ ...fields, sessionId: session.id }} submitLabel="End" submitAriaLabel={`End the session from ${formatTime(session.authTime)}`} variant="secondary" inline />
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
    </>
  );
}
