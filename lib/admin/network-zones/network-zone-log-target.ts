import type { NetworkZone } from "../../db/generated/sqlite/client";
import type { LogTarget } from "../../system-log/write-system-log";

/** The System Log target of a network zone. */
export function networkZoneLogTarget(zone: Pick<NetworkZone, "id" | "name">): LogTarget {
  return { id: zone.id, type: "NetworkZone", displayName: zone.name };
}
