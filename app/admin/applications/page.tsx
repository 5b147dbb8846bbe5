import Link from "next/link";
import { runListApps } from "@/lib/admin/apps/list-apps";
import { pageOf } from "@/lib/admin/pagination";
import { DataTable, EmptyState, PageHeader, Pager, SearchForm, StatusBadge, Td, TextField, buttonClass } from "../_components/ui";
import { PermittedLink } from "../_components/permissions";
import { readResult } from "../_lib/admin-request";
import { TYPE_LABELS } from "./_app-types";

export const metadata = { title: "Applications" };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { q, after } = await searchParams;
  const result = await readResult((ctx) => runListApps(ctx, () => ({ page: pageOf(50, after), q })));
  const apps = result.ok ? result.value.items : [];
  return (
    <>
      <PageHeader
        title="Applications"
        description="OpenID Connect clients that sign users in or call APIs."
        actions={
          <PermittedLink href="/admin/applications/new" className={buttonClass.primary}>
            Create application
          </PermittedLink>
        }
      />
      <SearchForm action="/admin/applications">
        <div className="sm:w-80">
          <TextField name="q" label="Search by name" defaultValue={q} />
        </div>
      </SearchForm>
      {!result.ok ? <p role="alert" className="mb-4 text-sm text-red-700">{result.summary}</p> : null}
      {apps.length === 0 ? (
        <EmptyState title={q ? "No application matches your search" : "No applications yet"}>Create one to let an app sign users in.</EmptyState>
      ) : (
        <DataTable caption="Applications" headers={["Name", "Type", "Client ID", "Status"]}>
          {apps.map((app) => (
            <tr key={app.id}>
              <Td>
                <Link href={`/admin/applications/${app.id}`} className={buttonClass.link}>
                  {app.label}
                </Link>
              </Td>
              <Td>{TYPE_LABELS[app.settings.oauthClient.application_type] ?? app.settings.oauthClient.application_type}</Td>
              <Td className="break-all font-mono text-xs">{app.credentials.oauthClient.client_id}</Td>
              <Td>
                <StatusBadge status={app.status} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager basePath="/admin/applications" params={{ q }} after={after} next={result.ok ? result.value.nextCursor : null} />
    </>
  );
}
