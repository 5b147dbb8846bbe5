import { runListNetworkZones } from "@/lib/admin/network-zones/list-network-zones";
import { pageOf } from "@/lib/admin/pagination";
import type { ListItem } from "@/lib/dashboard/call-operation";
import { ActionForm } from "../_components/action-form";
import { EditDetails, RowActions } from "../_components/row-actions";
import { ChoiceGroup, DataTable, EmptyState, PageHeader, Pager, Section, StatusBadge, Td, TextArea, TextField } from "../_components/ui";
import { read } from "../_lib/admin-request";

export const metadata = { title: "Network zones" };

type ZoneJson = ListItem<typeof runListNetworkZones>;
const USAGES = [
  { value: "POLICY", label: "Policy zone (rule conditions)" },
  { value: "BLOCKLIST", label: "Blocklist (sign-ins refused)" },
];
const entries = (list: ZoneJson["gateways"]) => (list ?? []).map((entry) => entry.value).join("\n");
const ADDRESS_HINT = "One per line: a CIDR block (10.0.0.0/8, 2001:db8::/32), a range (10.0.0.1-10.0.0.9) or one address.";

function ZoneFields({ zone, prefix }: { zone?: ZoneJson; prefix: string }) {
  return (
    <div className="grid max-w-2xl grid-cols-1 gap-4">
      {zone?.system ? <input type="hidden" name="name" value={zone.name} /> : <TextField id={`${prefix}-name`} name="name" label="Name" defaultValue={zone?.name} required />}
      {zone?.system ? <input type="hidden" name="usage" value={zone.usage} /> : <ChoiceGroup idPrefix={prefix} legend="Usage" name="usage" type="radio" options={USAGES} selected={[zone?.usage ?? "POLICY"]} />}
      <TextArea id={`${prefix}-gateways`} name="gateways" label="Gateway addresses" defaultValue={zone ? entries(zone.gateways) : ""} rows={4} hint={ADDRESS_HINT} />
      <TextArea id={`${prefix}-proxies`} name="proxies" label="Proxy addresses" defaultValue={zone ? entries(zone.proxies) : ""} rows={2} hint="Addresses of proxies in front of the zone's clients; a request from one counts as from the zone." />
    </div>
  );
}

/**
 * The network zones (Okta's Network Zones API, IP zones): the POLICY zones sign-on, enrollment and
 * authentication rules name, and the BLOCKLIST zones whose addresses cannot sign in at all.
 */
export default async function NetworkZonesPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const { items: zones, nextCursor: next } = await read((ctx) => runListNetworkZones(ctx, () => ({ page: pageOf(200, after) })));
  return (
    <>
      <PageHeader
        title="Network zones"
        description="IP address ranges that sign-on and access rules can include or exclude, and blocklists whose addresses cannot sign in or use the token endpoint. Client addresses follow TRUSTED_PROXY_HOPS."
      />
      <Section title="Zones">
        {zones.length === 0 ? (
          <EmptyState title="No network zones yet" />
        ) : (
          <DataTable caption="Network zones" headers={["Name", "Usage", "Addresses", "Status", "Actions"]}>
            {zones.map((zone) => {
              const fields = { zoneId: zone.id };
              const count = (zone.gateways?.length ?? 0) + (zone.proxies?.length ?? 0);
              return (
                <tr key={zone.id}>
                  <Td>
                    {zone.name}
                    {zone.system ? <span className="ml-2 text-xs text-slate-600">(system)</span> : null}
                  </Td>
                  <Td>{zone.usage === "BLOCKLIST" ? "Blocklist" : "Policy"}</Td>
                  <Td className="break-all font-mono text-xs">{count === 0 ? "—" : [...(zone.gateways ?? []), ...(zone.proxies ?? [])].slice(0, 3).map((entry) => entry.value).join(", ") + (count > 3 ? ` (+${count - 3})` : "")}</Td>
                  <Td>
                    <StatusBadge status={zone.status} />
                  </Td>
                  <Td>
                    <RowActions
                      prefix="zone"
                      fields={fields}
                      name={zone.name}
                      noun="zone"
                      up={false}
                      down={false}
                      status={zone.status}
                      deleteBody={zone.system || zone.status === "ACTIVE" ? null : "Rules must no longer name the zone."}
                    />
                    <EditDetails label={zone.name}>
                      <ActionForm action="zone.update" fields={fields} submitLabel="Save zone">
                        <ZoneFields zone={zone} prefix={`zone-${zone.id}`} />
                      </ActionForm>
                    </EditDetails>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <Pager basePath="/admin/network-zones" params={{}} after={after} next={next} />
      </Section>
      <Section title="Add network zone">
        <ActionForm action="zone.create" submitLabel="Add zone" resetOnSuccess>
          <ZoneFields prefix="new-zone" />
        </ActionForm>
      </Section>
    </>
  );
}
