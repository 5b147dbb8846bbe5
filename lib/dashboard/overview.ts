import { countApps } from "../apps/count-apps";
import { countAuthorizationServers } from "../authorization-servers/count-authorization-servers";
import { listKeyRotationSchedules } from "../authorization-servers/list-key-rotation-schedules";
import type { Db } from "../db/create-db-client";
import { readSystemLogEvents } from "../system-log/read-system-log-events";
import { countUsers } from "../users/count-users";

const DAY_MS = 86_400_000;
/** AUTO rotation is "due" in the dashboard two weeks ahead; a MANUAL key older than 90 days is overdue. */
export const ROTATION_NOTICE_DAYS = 14;
export const MANUAL_ROTATION_DAYS = 90;

export type Overview = {
  counts: { users: number; apps: number; servers: number };
  denials: Array<{ uuid: string; published: Date; eventType: string; displayMessage: string; outcomeResult: string; outcomeReason: string | null; actor: string }>;
  keysDue: Array<{ id: string; name: string; rotationMode: string; lastRotated: Date | null; due: Date }>;
};

/** The overview page's data (read-only; the caller has checked the admin). */
export async function loadOverview(db: Db, now: Date, denialLimit = 10): Promise<Overview> {
  const [users, apps, servers, events, candidates] = await Promise.all([
    countUsers(db),
    countApps(db),
    countAuthorizationServers(db),
    readSystemLogEvents(db, { where: { outcomeResult: { in: ["DENY", "FAILURE"] } }, orderBy: [{ published: "desc" }, { uuid: "desc" }], take: denialLimit }),
    listKeyRotationSchedules(db),
  ]);
  const horizon = now.getTime() + ROTATION_NOTICE_DAYS * DAY_MS;
  const keysDue: Overview["keysDue"] = [];
  for (const server of candidates) {
    if (server.rotationMode === "AUTO" && server.nextRotation && server.nextRotation.getTime() <= horizon) {
      keysDue.push({ id: server.id, name: server.name, rotationMode: server.rotationMode, lastRotated: server.lastRotated, due: server.nextRotation });
    } else if (server.rotationMode === "MANUAL") {
      const due = new Date((server.lastRotated ?? server.created).getTime() + MANUAL_ROTATION_DAYS * DAY_MS);
      if (due.getTime() <= horizon) keysDue.push({ id: server.id, name: server.name, rotationMode: server.rotationMode, lastRotated: server.lastRotated, due });
    }
  }
  return {
    counts: { users, apps, servers },
    denials: events.map((event) => {
      const { actor } = event;
      return {
        uuid: event.uuid,
        published: event.published,
        eventType: event.eventType,
        displayMessage: event.displayMessage,
        outcomeResult: event.outcomeResult,
        outcomeReason: event.outcomeReason,
        // A user by login; a client by its name (its alternateId is only its id again).
        actor: (actor.alternateId && actor.alternateId !== actor.id ? actor.alternateId : (actor.displayName ?? actor.alternateId ?? actor.id)) ?? "—",
      };
    }),
    keysDue,
  };
}
