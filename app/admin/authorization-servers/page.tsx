import Link from "next/link";
import { runListAuthorizationServers } from "@/lib/admin/authorization-servers/list-authorization-servers";
import { pageOf } from "@/lib/admin/pagination";
import { DataTable, EmptyState, PageHeader, Pager, SearchForm, StatusBadge, Td, TextField, buttonClass } from "../_components/ui";
import { PermittedLink } from "../_components/permissions";
import { readResult } from "../_lib/admin-request";

export const metadata = { title: "Authorization servers" };

export default async function AuthorizationServersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { q, after } = await searchParams;
  const result = await readResult((ctx) => runListAuthorizationServers(ctx, () => ({ page: pageOf(50, after), q })));
  const servers = result.ok ? result.value.items : [];
  return (
    <>
      <PageHeader
        title="Authorization servers"
        description="Each server has its own issuer, scopes, claims, access policies and signing keys."
        actions={
          <PermittedLink href="/admin/authorization-servers/new" className={buttonClass.primary}>
            Add authorization server
          </PermittedLink>
        }
      />
      <SearchForm action="/admin/authorization-servers">
        <div className="sm:w-80">
          <TextField name="q" label="Search by name or audience" defaultValue={q} />
        </div>
      </SearchForm>
      {!result.ok ? <p role="alert" className="mb-4 text-sm text-red-700">{result.summary}</p> : null}
      {servers.length === 0 ? (
        <EmptyState title={q ? "No authorization server matches your search" : "No authorization servers yet"}>Add one to issue tokens for an API.</EmptyState>
      ) : (
        <DataTable caption="Authorization servers" headers={["Name", "Audience", "Issuer", "Status"]}>
          {servers.map((server) => (
            <tr key={server.id}>
              <Td>
                <Link href={`/admin/authorization-servers/${server.id}`} className={buttonClass.link}>
                  {server.name}
                </Link>
                {server.description ? <span className="block text-xs text-slate-600">{server.description}</span> : null}
              </Td>
              <Td className="break-all">{server.audiences.join(", ")}</Td>
              <Td className="break-all font-mono text-xs">{server.issuer}</Td>
              <Td>
                <StatusBadge status={server.status} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager basePath="/admin/authorization-servers" params={{ q }} after={after} next={result.ok ? result.value.nextCursor : null} />
    </>
  );
}
