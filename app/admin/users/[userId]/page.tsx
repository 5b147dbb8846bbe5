import Link from "next/link";
import { pageOf } from "@/lib/admin/pagination";
import { runGetUser } from "@/lib/admin/users/get-user";
import { runListUserApps } from "@/lib/admin/users/list-user-apps";
import { runListUserGroups } from "@/lib/admin/users/list-user-groups";
import { runListUserSessions } from "@/lib/admin/users/list-user-sessions";
import { runListFactors } from "@/lib/admin/factors/list-factors";
import { runListRoles } from "@/lib/admin/roles/role-operations";
import { roleLabel } from "@/lib/dashboard/role-options";
import { ActionForm } from "../../_components/action-form";
import { Picker } from "../../_components/picker";
import { Checkbox, DataTable, DefinitionList, EmptyState, PageHeader, Section, StatusBadge, Td, TextField, buttonClass, formatTime } from "../../_components/ui";
import { can, read } from "../../_lib/admin-request";
import { UserFactors } from "./_factors";

export const metadata = { title: "User" };

const LIFECYCLE: Array<{ link: string; action: string; label: string; confirm?: string }> = [
  { link: "activate", action: "user.activate", label: "Activate" },
  { link: "unsuspend", action: "user.unsuspend", label: "Unsuspend" },
  { link: "unlock", action: "user.unlock", label: "Unlock" },
  { link: "suspend", action: "user.suspend", label: "Suspend", confirm: "The user cannot sign in until unsuspended; their sessions and tokens are revoked." },
  { link: "deactivate", action: "user.deactivate", label: "Deactivate", confirm: "The user cannot sign in; their sessions and tokens are revoked." },
];

/** The statuses a password reset applies to (reset_password answers 403 E0000038 for the others). */
const RESETTABLE = ["ACTIVE", "LOCKED_OUT", "RECOVERY", "PASSWORD_EXPIRED"];

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await read((ctx) => runGetUser(ctx, userId));
  const [groups, sessions, apps, factors, roles] = await Promise.all([
    read(async (ctx) => (await runListUserGroups(ctx, user.id, () => ({ page: pageOf(200, null) }))).items),
    read((ctx) => runListUserSessions(ctx, user.id)),
    read((ctx) => runListUserApps(ctx, user.id)),
    read((ctx) => runListFactors(ctx, user.id)),
    can("roles.read").then((allowed) => (allowed ? read((ctx) => runListRoles(ctx, { type: "USER", id: user.id })) : null)),
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
      <Section title="Password">
        {RESETTABLE.includes(user.status) ? (
          <div className="mb-6 flex flex-col gap-4 md:flex-row md:items-start">
            <ActionForm action="user.resetPassword" fields={fields} submitLabel="Reset password" variant="secondary" className="md:w-1/2">
              <p className="text-sm text-slate-700">Emails the user a link to choose a new password; their account is in recovery until they do. The link is never shown here.</p>
              <Checkbox name="revokeSessions" id="reset-revoke-sessions" label="Also end the user's sessions" />
            </ActionForm>
            {user.status === "ACTIVE" && user.credentials.password ? (
              <ActionForm action="user.expirePassword" fields={fields} submitLabel="Expire password" variant="secondary" className="md:w-1/2">
                <p className="text-sm text-slate-700">The user must choose a new password at their next sign-in.</p>
              </ActionForm>
            ) : null}
          </div>
        ) : null}
        <h3 className="mb-2 font-medium text-slate-900">Set a password</h3>
        <ActionForm action="user.setPassword" fields={fields} submitLabel="Set password" resetOnSuccess>
          <div className="grid max-w-2xl grid-cols-1 gap-4 md:grid-cols-2">
            <TextField name="password" label="New password" type="password" autoComplete="new-password" required />
            <TextField name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" required />
          </div>
        </ActionForm>
      </Section>
      {roles ? (
        <Section
          title="Admin roles"
          description="The roles assigned to this user directly (roles of their groups apply too)."
          actions={
            <Link href="/admin/admins" className={buttonClass.link}>
              Manage admin roles
            </Link>
          }
        >
          {roles.length === 0 ? (
            <EmptyState title="No admin roles assigned" />
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label="Admin roles">
              {roles.map((role) => (
                <li key={role.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800" data-testid="user-role">
                  {roleLabel(role.type)}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
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
