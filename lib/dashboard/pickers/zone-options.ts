import type { OperationContext } from "../../admin/admin-request";
import { runListNetworkZones } from "../../admin/network-zones/list-network-zones";
import { pageOf } from "../../admin/pagination";

/** The zone picker's options of the rule forms: the org's POLICY zones (an INACTIVE one marked: it holds no address). */
export async function zoneOptions(ctx: OperationContext): Promise<Array<{ value: string; label: string }>> {
  const { items } = await runListNetworkZones(ctx, () => ({ page: pageOf(200, null), filter: 'usage eq "POLICY"' }));
  return items.map((zone) => ({ value: zone.id, label: zone.status === "ACTIVE" ? zone.name : `${zone.name} (inactive)` }));
}
