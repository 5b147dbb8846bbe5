import Link from "next/link";
import { pageOf } from "@/lib/admin/pagination";
import { runListUsers } from "@/lib/admin/users/list-users";
import { DataTable, EmptyState, PageHeader, Pager, SearchForm, SelectField, StatusBadge, Td, TextField, buttonClass } from "../_components/ui";
import { PermittedLink } from "../_components/permissions";
import { readResult } from "../_lib/admin-request";

export const metadata = { title: "Users" };

const STATUSES = ["ACTIVE", "STAGED", "PROVISIONED", "SUSPENDED", "LOCKED_OUT", "PASSWORD_EXPIRED", "RECOVERY", "DEPROVISIONED"];
const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** q alone uses the API's `q`; a status filter (with or without text) becomes a `search` expression. */
function userQuery(q: string, status: string): { q?: string; search?: string } {
  if (!status) return q ? { q } : {};
  const parts = [`status eq ${quote(status)}`];
  if (q) parts.push(`(${["login", "email", "firstName", "lastName"].map((a) => `profile.${a} sw ${quote(q)}`).join(" or ")})`);
  return { search: parts.join(" and ") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { q = "", status = "", after } = await searchParams;
  const validStatus = STATUSES.includes(status) ? status : "";
  const result = await readResult((ctx) => runListUsers(ctx, () => ({ ...userQuery(q.trim(), validStatus), page: pageOf(50, after) })));
  const users = result.ok ? result.value.items : [];
  return (
    <>
      <PageHeader
        title="Users"
        description="People who sign in through this identity provider."
        actions={
          <PermittedLink href="/admin/users/new" className={buttonClass.primary}>
            Add user
          </PermittedLink>
        }
      />
      <SearchForm action="/admin/users">
        <div className="sm:w-72">
          <TextField name="q" label="Search name, email or login" defaultValue={q} />
        </div>
        <div className="sm:w-56">
          <SelectField name="status" label="Status" defaultValue={validStatus} options={[{ value: "", label: "All but deactivated" }, ...STATUSES.map((s) => ({ value: s, label: s }))]} />
        </div>
      </SearchForm>
      {!result.ok ? <p role="alert" className="mb-4 text-sm text-red-700">{result.summary} {result.causes.join(" ")}</p> : null}
      {users.length === 0 ? (
        <EmptyState title={q || validStatus ? "No user matches" : "No users yet"} />
      ) : (
        <DataTable caption="Users" headers={["Name", "Login", "Status"]}>
          {users.map((user) => (
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
            </tr>
          ))}
        </DataTable>
      )}
      <Pager basePath="/admin/users" params={{ q, status: validStatus }} after={after} next={result.ok ? result.value.nextCursor : null} />
    </>
  );
}
