import type { Db } from "../db/create-db-client";
import { EVERYONE_GROUP } from "./is-everyone-group";

export type UserApp = { id: string; label: string; status: string; via: string[] };

/**
 * The apps a user is assigned to and how: directly ("direct") and through each of their groups,
 * Everyone included ("group <name>").
 */
export async function listUserApps(db: Db, userId: string): Promise<UserApp[]> {
  const [directApps, groupApps] = await Promise.all([
    db.appUserAssignment.findMany({ where: { userId }, select: { app: { select: { id: true, label: true, status: true } } } }),
    db.appGroupAssignment.findMany({
      where: { group: { OR: [EVERYONE_GROUP, { memberships: { some: { userId } } }] } },
      select: { app: { select: { id: true, label: true, status: true } }, group: { select: { name: true } } },
    }),
  ]);
  const apps = new Map<string, UserApp>();
  for (const { app } of directApps) apps.set(app.id, { ...app, via: ["direct"] });
  for (const { app, group } of groupApps) {
    const entry = apps.get(app.id) ?? { ...app, via: [] };
    entry.via.push(`group ${group.name}`);
    apps.set(app.id, entry);
  }
  return [...apps.values()];
}
