import type { Db } from "../db/create-db-client";

export type KeyRotationSchedule = { id: string; name: string; rotationMode: string; lastRotated: Date | null; nextRotation: Date | null; created: Date };

/** Every authorization server's signing-key rotation: its mode, last and next rotation (AUTO), and when it was created; by name. */
export function listKeyRotationSchedules(db: Db): Promise<KeyRotationSchedule[]> {
  return db.authorizationServer.findMany({ select: { id: true, name: true, rotationMode: true, lastRotated: true, nextRotation: true, created: true }, orderBy: { name: "asc" } });
}
