import { runGetAuthorizationServer } from "@/lib/admin/authorization-servers/get-authorization-server";
import type { OperationValue } from "@/lib/dashboard/call-operation";
import { PageHeader, StatusBadge, Tabs } from "../_components/ui";
import { read } from "../_lib/admin-request";

export type ServerJson = OperationValue<typeof runGetAuthorizationServer>;

export async function loadServer(authServerId: string): Promise<ServerJson> {
  return read((ctx) => runGetAuthorizationServer(ctx, authServerId));
}

export function ServerHeader({ server, current }: { server: ServerJson; current: string }) {
  const base = `/admin/authorization-servers/${server.id}`;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/admin/authorization-servers", label: "Authorization servers" }]}
        title={server.name}
        description={
          <>
            <StatusBadge status={server.status} /> <span className="ml-1 break-all font-mono text-xs">{server.issuer}</span>
          </>
        }
      />
      <Tabs
        label="Authorization server sections"
        current={current}
        tabs={[
          { key: "settings", href: base, label: "Settings" },
          { key: "scopes", href: `${base}/scopes`, label: "Scopes" },
          { key: "claims", href: `${base}/claims`, label: "Claims" },
          { key: "policies", href: `${base}/policies`, label: "Access Policies" },
          { key: "keys", href: `${base}/keys`, label: "Keys" },
          { key: "preview", href: `${base}/preview`, label: "Token Preview" },
        ]}
      />
    </>
  );
}
