import type { Db } from "../db/create-db-client";
import type { NetworkZone } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { validationError } from "../okta-api/admin-api-error";
import { findNetworkZone } from "./find-network-zone";
import { lockNetworkZones } from "./lock-network-zones";
import { checkZoneFields, duplicateZoneNameError, type ZoneInUseCheck } from "./zone-rules";
import type { NetworkZoneFields } from "./zone-types";

/**
 * A full replacement of a zone's name, usage and addresses (Okta: "The replaced Network Zone type
 * must be the same as the existing type"; the status is kept). A system zone keeps its name and
 * usage. A zone that becomes a BLOCKLIST must not be named by a rule (`inUse`). One transaction.
 */
export async function replaceNetworkZone(
  db: Db,
  input: { id: string; fields: NetworkZoneFields; now: Date },
  inUse: ZoneInUseCheck,
  record: RecordChange<{ before: NetworkZone; zone: NetworkZone }>,
): Promise<NetworkZone> {
  const { fields, now } = input;
  try {
    return await db.$transaction(async (tx) => {
      const before = await findNetworkZone(tx, input.id);
      if (before.system && fields.name !== before.name) throw validationError("name", [`name: The name of the system zone ${before.name} cannot be changed.`]);
      if (before.system && fields.usage !== before.usage) throw validationError("usage", [`usage: The usage of the system zone ${before.name} cannot be changed.`]);
      await checkZoneFields(tx, fields, { id: before.id, system: before.system });
      if (fields.usage === "BLOCKLIST" && before.usage !== "BLOCKLIST") {
        await lockNetworkZones(tx, [before.id]);
        await inUse(tx, before);
      }
      const zone = await tx.networkZone.update({
        where: { id: before.id },
        data: { name: fields.name, usage: fields.usage, gateways: fields.gateways, proxies: fields.proxies, lastUpdated: now },
      });
      await record(tx, { before, zone });
      return zone;
    });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") throw duplicateZoneNameError(fields.name);
    if (prismaErrorCode(error) === "P2025") await findNetworkZone(db, input.id); // deleted meanwhile: 404
    throw error;
  }
}
