import type { Db } from "../db/create-db-client";
import type { NetworkZone } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { validationError } from "../okta-api/admin-api-error";
import { findNetworkZone } from "./find-network-zone";
import { lockNetworkZones } from "./lock-network-zones";
import type { ZoneInUseCheck } from "./zone-rules";

/**
 * Deletes a zone. Refused (E0000001) for a system zone, for an ACTIVE zone (Okta Identity Engine:
 * "you can't delete a Network Zone with an ACTIVE status"; deactivate it first) and for a zone a
 * rule names (`inUse`, checked after the zone's row is locked). One transaction.
 */
export function deleteNetworkZone(db: Db, input: { id: string }, inUse: ZoneInUseCheck, record: RecordChange<NetworkZone>): Promise<void> {
  return db.$transaction(async (tx) => {
    const zone = await findNetworkZone(tx, input.id);
    if (zone.system) throw validationError("id", [`id: The zone ${zone.name} is a system zone. System zones cannot be deleted.`]);
    if (zone.status === "ACTIVE") throw validationError("id", [`id: The zone: ${zone.id} is an active zone. Active zones cannot be deleted.`]);
    await lockNetworkZones(tx, [zone.id]);
    await inUse(tx, zone);
    const { count } = await tx.networkZone.deleteMany({ where: { id: zone.id } });
    if (count === 0) await findNetworkZone(tx, zone.id); // deleted while this waited for the lock: 404
    await record(tx, zone);
  });
}
