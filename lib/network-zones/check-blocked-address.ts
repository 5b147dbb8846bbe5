import type { Db } from "../db/create-db-client";
import { queueSystemLog } from "../system-log/queue-system-log";
import { blockingZone, getNetworkZones } from "./get-network-zones";

/** Okta's System Log event for a request refused because its address is in a blocklist zone. */
export const REQUEST_BLOCKED_EVENT = "security.request.blocked";

/**
 * Whether a credential check from `ipAddress` must be refused: the address lies in an ACTIVE
 * BLOCKLIST zone (its gateways or proxies; Okta: the blocklist applies before policy evaluation).
 * The zones come from the cache (no query on the warm path); a refusal is counted in the System Log
 * through the batched queue (a flood of blocked attempts costs no write each). An unknown address is
 * never blocked. Returns the zone that blocked, or null.
 */
export async function checkBlockedAddress(
  db: Db,
  input: { ipAddress: string | null; userAgent: string | null; surface: string; now: Date },
): Promise<{ id: string; name: string } | null> {
  const zone = blockingZone(await getNetworkZones(db, input.now), input.ipAddress);
  if (!zone) return null;
  queueSystemLog(
    db,
    {
      eventType: REQUEST_BLOCKED_EVENT,
      displayMessage: "Request from a blocked IP address",
      actor: { id: "unknown", type: "PublicClientApp", alternateId: "unknown" },
      client: { ipAddress: input.ipAddress, userAgent: input.userAgent },
      outcome: { result: "DENY", reason: `The IP address is in the BLOCKLIST network zone ${zone.name}` },
      target: [{ id: zone.id, type: "NetworkZone", displayName: zone.name }],
      debugContext: { surface: input.surface },
    },
    input.now,
  );
  return { id: zone.id, name: zone.name };
}
