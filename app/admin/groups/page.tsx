import Link from "next/link";
import { runListGroups } from "@/lib/admin/groups/list-groups";
import { pageOf } from "@/lib/admin/pagination";
import { ActionForm } from "../_components/action-form";
import { DataTable, EmptyState, PageHeader, Pager, SearchForm, Section, Td, TextField, buttonClass } from "../_components/ui";
import { readResult } from "../_lib/admin-request";

export const metadata = { title: "Groups" };

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { q, after } = await searchParams;
  const result = await readResult((ctx) => runListGroups(ctx, () => ({ page: pageOf(50, after), q })));
  const groups = result.ok ? result.value.items : [];
  return (
    <>
      <PageHeader title="Groups" description="Assign apps and write policy rules for many users at once. Everyone holds every user." />
      <SearchForm action="/admin/groups">
        <div className="sm:w-80">
          <TextField name="q" label="Search by name" defaultValue={q} />
        </div>
      </SearchForm>
      {groups.length === 0 ? (
        <EmptyState title={q ? "No group matches your search" : "No groups yet"} />
      ) : (
        <DataTable caption="Groups" headers={["Name", "Description", "Type"]}>
          {groups.map((group) => (
            <tr key={group.id}>
              <Td>
                <Link href={`/admin/groups/${group.id}`} className={buttonClass.link}>
                  {group.profile.name}
                </Link>
              </Td>
              <Td>{group.profile.description ?? "—"}</Td>
              <Td>{group.type === "BUILT_IN" ? "Built-in" : "Group"}</Td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager basePath="/admin/groups" params={{ q }} after={after} next={result.ok ? result.value.nextCursor : null} />
      <div className="mt-6">
        <Section title="Add group">
          <ActionForm action="group.create" submitLabel="Create group">
            <div className="grid max-w-2xl grid-cols-1 gap-4">
              <TextField name="name" id="new-group-name" label="Name" required />
              <TextField name="description" id="new-group-description" label="Description" />
            </div>
          </ActionForm>
        </Section>
      </div>
    </>
  );
}
