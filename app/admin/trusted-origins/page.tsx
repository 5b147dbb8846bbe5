import { pageOf } from "@/lib/admin/pagination";
import { runListTrustedOrigins } from "@/lib/admin/trusted-origins/list-trusted-origins";
import type { ListItem } from "@/lib/dashboard/call-operation";
import { ActionForm } from "../_components/action-form";
import { ChoiceGroup, DataTable, EmptyState, PageHeader, Pager, Section, StatusBadge, Td, TextField } from "../_components/ui";
import { read } from "../_lib/admin-request";

export const metadata = { title: "Trusted origins" };

type OriginJson = ListItem<typeof runListTrustedOrigins>;
const SCOPES = [
  { value: "CORS", label: "CORS" },
  { value: "REDIRECT", label: "Redirect" },
  { value: "IFRAME_EMBED", label: "Iframe embed" },
];

function OriginFields({ origin, prefix }: { origin?: OriginJson; prefix: string }) {
  return (
    <div className="grid max-w-2xl grid-cols-1 gap-4">
      <TextField id={`${prefix}-name`} name="name" label="Name" defaultValue={origin?.name} required />
      <TextField id={`${prefix}-origin`} name="origin" label="Origin URL" defaultValue={origin?.origin} required hint="Scheme, host and port only, e.g. https://app.example.com." />
      <ChoiceGroup idPrefix={prefix} legend="Allowed for" name="scopes" options={SCOPES} selected={origin?.scopes.map((s) => s.type) ?? ["CORS"]} />
    </div>
  );
}

export default async function TrustedOriginsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const { items: origins, nextCursor: next } = await read((ctx) => runListTrustedOrigins(ctx, () => ({ page: pageOf(200, after) })));
  return (
    <>
      <PageHeader title="Trusted origins" description="Web origins allowed to call the protocol endpoints from a browser (CORS), to be redirected to, or to frame the sign-in page." />
      <Section title="Origins">
        {origins.length === 0 ? (
          <EmptyState title="No trusted origins yet" />
        ) : (
          <DataTable caption="Trusted origins" headers={["Name", "Origin", "Allowed for", "Status", "Actions"]}>
            {origins.map((origin) => {
              const fields = { trustedOriginId: origin.id };
              return (
                <tr key={origin.id}>
                  <Td>{origin.name}</Td>
                  <Td className="break-all font-mono text-xs">{origin.origin}</Td>
                  <Td>{origin.scopes.map((s) => s.type).join(", ")}</Td>
                  <Td>
                    <StatusBadge status={origin.status} />
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {origin.status === "ACTIVE" ? (
                        <ActionForm action="trustedOrigin.deactivate" fields={fields} submitLabel="Deactivate" submitAriaLabel={`Deactivate ${origin.name}`} variant="secondary" inline />
                      ) : (
                        <ActionForm action="trustedOrigin.activate" fields={fields} submitLabel="Activate" submitAriaLabel={`Activate ${origin.name}`} variant="secondary" inline />
                      )}
                      <ActionForm action="trustedOrigin.delete" fields={fields} submitLabel="Delete" submitAriaLabel={`Delete ${origin.name}`} variant="danger" inline confirm={{ title: `Delete ${origin.origin}?`, body: "Browsers on this origin lose access at once.", confirmLabel: "Delete" }} />
                    </div>
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit<span className="sr-only"> {origin.name}</span></summary>
                      <div className="mt-3 min-w-[18rem]">
                        <ActionForm action="trustedOrigin.update" fields={fields} submitLabel="Save origin">
                          <OriginFields origin={origin} prefix={`origin-${origin.id}`} />
                        </ActionForm>
                      </div>
                    </details>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <Pager basePath="/admin/trusted-origins" params={{}} after={after} next={next} />
      </Section>
      <Section title="Add trusted origin">
        <ActionForm action="trustedOrigin.create" submitLabel="Add origin" resetOnSuccess>
          <OriginFields prefix="new-origin" />
        </ActionForm>
      </Section>
    </>
  );
}
