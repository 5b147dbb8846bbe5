import type { Db } from "../db/create-db-client";
import { ORG_AUTH_SERVER_ID } from "../oauth/snapshot/org-authorization-server";

export type KeyRotationSchedule = { id: string; name: string; rotationMode: string; lastRotated: Date | null; nextRotation: Date | null; created: Date };

/** Every custom authorization server's signing-key rotation (the org server's keys rotate by themselves, out of the admin's view): its mode, last and next rotation (AUTO), and when it was created; by name. */
export function listKeyRotationSchedules(db: Db): Promise<KeyRotationSchedule[]> {
  return db.authorizationServer.findMany({ where: { id: { not: ORG_AUTH_SERVER_ID } }, select: { id: true, name: true, rotationMode: true, lastRotated: true, nextRotation: true, created: true }, orderBy: { name: "asc" } });
}
