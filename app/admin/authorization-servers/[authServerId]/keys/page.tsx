import { runListAuthorizationServerKeys } from "@/lib/admin/keys/list-authorization-server-keys";
import { runListKeyDates } from "@/lib/admin/keys/list-key-dates";
import { ActionForm } from "../../../_components/action-form";
import { DataTable, EmptyState, Section, StatusBadge, Td, formatTime } from "../../../_components/ui";
import { read } from "../../../_lib/admin-request";
import { loadServer, ServerHeader } from "../../_server-header";

export const metadata = { title: "Signing keys" };

const ORDER: Record<string, number> = { ACTIVE: 0, NEXT: 1, EXPIRED: 2 };

export default async function KeysPage({ params }: { params: Promise<{ authServerId: string }> }) {
  const { authServerId } = await params;
  const server = await loadServer(authServerId);
  // The published keys come from the API operation (it also applies a due AUTO rotation); the
  // dates are read beside them.
  const published = await read((ctx) => runListAuthorizationServerKeys(ctx, server.id));
  const dates = await read((ctx) => runListKeyDates(ctx, server.id));
  const keys = [...published].sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9));
  const signing = server.credentials.signing;
  return (
    <>
      <ServerHeader server={server} current="keys" />
      <Section
        title="Signing keys"
        description={signing.rotationMode === "AUTO" ? `Rotated automatically; next rotation ${formatTime(signing.nextRotation ?? null)}.` : "Rotation mode is MANUAL: rotate the keys here."}
        actions={
          <ActionForm
            action="authorizationServer.rotateKeys"
            fields={{ authServerId: server.id }}
            submitLabel="Rotate keys"
            variant="secondary"
            inline
            confirm={{
              title: "Rotate the signing keys?",
              body: "The NEXT key becomes ACTIVE and signs new tokens; the current key stays published as EXPIRED until the tokens it signed have expired. Clients that cache keys pick the new one up from the JWKS.",
              confirmLabel: "Rotate",
            }}
          />
        }
      >
        {keys.length === 0 ? (
          <EmptyState title="No keys are published" />
        ) : (
          <DataTable caption="Signing keys" headers={["Status", "Key ID (kid)", "Algorithm", "Created", "Activated", "Expired"]}>
            {keys.map((key) => {
              const row = dates.get(key.kid);
              return (
                <tr key={key.kid} data-testid={`key-${key.status.toLowerCase()}`}>
                  <Td>
                    <StatusBadge status={key.status} />
                  </Td>
                  <Td className="break-all font-mono text-xs">{key.kid}</Td>
                  <Td>{key.alg}</Td>
                  <Td className="whitespace-nowrap">{formatTime(row?.created ?? null)}</Td>
                  <Td className="whitespace-nowrap">{formatTime(row?.activated ?? null)}</Td>
                  <Td className="whitespace-nowrap">{formatTime(row?.expired ?? null)}</Td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Section>
    </>
  );
}
