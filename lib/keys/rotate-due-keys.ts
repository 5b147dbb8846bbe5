import type { Db } from "../db/create-db-client";
import { appendSystemLog } from "../system-log/write-system-log";
import { applyRotation, KEY_ROLLOVER_EVENT } from "./apply-rotation";
import { isRotationDue } from "./is-rotation-due";

/**
 * AUTO rotation without a scheduler: call on read (token issuance, JWKS). Rotates when the server
 * is in AUTO mode and nextRotation <= now; exactly one of any number of concurrent callers, on any
 * number of instances, performs the rotation (see applyRotation). The hot path, nothing due, is one
 * read of the server row by primary key. Returns true when this call rotated.
 */
export async function rotateDueKeys(db: Db, authServerId: string, secretsKey: Buffer, now: Date): Promise<boolean> {
  const server = await db.authorizationServer.findUnique({ where: { id: authServerId }, select: { rotationMode: true, nextRotation: true, name: true } });
  if (!server || !isRotationDue(server, now)) return false;
  return applyRotation(db, authServerId, secretsKey, now, "due", (tx) =>
    appendSystemLog(
      tx,
      {
        eventType: KEY_ROLLOVER_EVENT,
        displayMessage: `Scheduled rotation of the signing keys of authorization server ${server.name}`,
        actor: { id: "system", type: "SystemPrincipal", alternateId: "system", displayName: "System" },
        outcome: { result: "SUCCESS" },
        target: [{ id: authServerId, type: "AuthorizationServer", displayName: server.name }],
        debugContext: { rotationMode: "AUTO" },
      },
      now,
    ),
  );
}
