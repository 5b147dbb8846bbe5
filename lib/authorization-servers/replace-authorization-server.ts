import type { AuthorizationServer } from "../db/generated/sqlite/client";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { AUTO_ROTATION_DAYS } from "../keys/is-rotation-due";
import type { NewAuthorizationServer } from "./create-authorization-server";

/**
 * Replaces a server's properties. Switching the rotation mode does not change the active key
 * (spec): MANUAL clears the schedule, AUTO schedules the next rotation 90 days after the last one
 * (a server already in AUTO keeps its schedule). An omitted rotation mode keeps the current one.
 */
export async function replaceAuthorizationServer(
  db: Db,
  current: AuthorizationServer,
  input: NewAuthorizationServer,
  now: Date,
  record: RecordChange<AuthorizationServer>,
): Promise<AuthorizationServer> {
  const rotationMode = input.rotationMode ?? current.rotationMode;
  const lastRotated = current.lastRotated ?? now;
  return db.$transaction(async (tx) => {
    const updated = await tx.authorizationServer.update({
      where: { id: current.id },
      data: {
        name: input.name,
        description: input.description,
        audiences: input.audiences,
        rotationMode,
        nextRotation:
          rotationMode === "MANUAL"
            ? null
            : current.rotationMode === "AUTO" && current.nextRotation
              ? current.nextRotation
              : new Date(Math.max(now.getTime(), lastRotated.getTime() + AUTO_ROTATION_DAYS * 86_400_000)),
        lastUpdated: now,
      },
    });
    await record(tx, updated);
    return updated;
  });
}
