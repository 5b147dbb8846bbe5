import { getAuthorizationServer } from "@/lib/admin/authorization-servers/get-authorization-server";
import { PageHeader, StatusBadge, Tabs } from "../_components/ui";
import { read } from "../_lib/admin-request";

export type ServerJson = {
  id: string;
  name: string;
  description: string | null;
  audiences: string[];
  issuer: string;
  issuerMode: string;
  status: string;
  credentials: { signing: { rotationMode: string; lastRotated: string | null; nextRotation?: string | null; kid: string | null } };
};

export async function loadServer(authServerId: string): Promise<ServerJson> {
  return read<ServerJson>(getAuthorizationServer, { path: `/api/v1/authorizationServers/${authServerId}`, params: { authServerId } });
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
