import type { Db } from "../db/create-db-client";
import type { NetworkZone } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { checkZoneFields, duplicateZoneNameError } from "./zone-rules";
import type { NetworkZoneFields, ZoneStatus } from "./zone-types";

/**
 * A new IP zone (ACTIVE unless `status` says otherwise); E0000001 for a taken name or too many
 * entries (checkZoneFields). One transaction: the checks, the insert and `record` (the audit event).
 */
export async function createNetworkZone(db: Db, input: { fields: NetworkZoneFields; status: ZoneStatus | null; now: Date }, record: RecordChange<NetworkZone>): Promise<NetworkZone> {
  const { fields, now } = input;
  try {
    return await db.$transaction(async (tx) => {
      await checkZoneFields(tx, fields, { id: null, system: false });
      const zone = await tx.networkZone.create({
        data: {
          id: newId("networkZone"),
          name: fields.name,
          type: "IP",
          status: input.status ?? "ACTIVE",
          usage: fields.usage,
          system: false,
          gateways: fields.gateways,
          proxies: fields.proxies,
          created: now,
          lastUpdated: now,
        },
      });
      await record(tx, zone);
      return zone;
    });
  } catch (error) {
    throw prismaErrorCode(error) === "P2002" ? duplicateZoneNameError(fields.name) : error;
  }
}
