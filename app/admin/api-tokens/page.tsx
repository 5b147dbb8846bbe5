import { runListApiTokens } from "@/lib/admin/api-tokens/list-api-tokens";
import { pageOf } from "@/lib/admin/pagination";
import { ActionForm } from "../_components/action-form";
import { DataTable, EmptyState, PageHeader, Pager, Section, Td, TextField, formatTime } from "../_components/ui";
import { read } from "../_lib/admin-request";

export const metadata = { title: "API tokens" };


export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const { items: tokens, nextCursor: next } = await read((ctx) => runListApiTokens(ctx, () => ({ page: pageOf(200, after) })));
  return (
    <>
      <PageHeader title="API tokens" description={'SSWS tokens for the management API (/api/v1). A token acts with the rights of the admin who created it; send it as "Authorization: SSWS <token>".'} />
      <Section title="Tokens">
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens" />
        ) : (
          <DataTable caption="API tokens" headers={["Name", "Created by", "Created", "Expires", ""]}>
            {tokens.map((token) => (
              <tr key={token.id}>
                <Td>{token.name}</Td>
                <Td className="font-mono text-xs">{token.userId}</Td>
                <Td className="whitespace-nowrap">{formatTime(token.created)}</Td>
                <Td className="whitespace-nowrap">{token.expiresAt ? formatTime(token.expiresAt) : "Never"}</Td>
                <Td>
                  <ActionForm action="apiToken.revoke" fields={{ apiTokenId: token.id }} submitLabel="Revoke" submitAriaLabel={`Revoke ${token.name}`} variant="danger" inline confirm={{ title: `Revoke ${token.name}?`, body: "Requests with this token are refused from now on.", confirmLabel: "Revoke" }} />
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pager basePath="/admin/api-tokens" params={{}} after={after} next={next} />
      </Section>
      <Section title="Create token">
        <ActionForm action="apiToken.create" submitLabel="Create token">
          <div className="max-w-md">
            <TextField name="name" id="token-name" label="Token name" required hint="What it is for, e.g. CI deploys." />
          </div>
        </ActionForm>
      </Section>
    </>
  );
}
