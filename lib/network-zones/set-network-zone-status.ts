import type { Db } from "../db/create-db-client";
import type { NetworkZone } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findNetworkZone } from "./find-network-zone";
import type { ZoneStatus } from "./zone-types";

/**
 * Activates or deactivates a zone (an INACTIVE zone matches no address: a rule including it does
 * not match, a blocklist zone blocks nothing). Asking for the current status changes and records
 * nothing. E0000007 for an unknown zone.
 */
export function setNetworkZoneStatus(db: Db, input: { id: string; status: ZoneStatus; now: Date }, record: RecordChange<NetworkZone>): Promise<NetworkZone> {
  return db.$transaction(async (tx) => {
    const zone = await findNetworkZone(tx, input.id);
    if (zone.status === input.status) return zone;
    const saved = await tx.networkZone.update({ where: { id: zone.id }, data: { status: input.status, lastUpdated: input.now } });
    await record(tx, saved);
    return saved;
  });
}
