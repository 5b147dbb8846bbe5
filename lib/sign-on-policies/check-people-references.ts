import type { DbTx } from "../db/create-db-client";
import { validationError } from "../okta-api/admin-api-error";

/** A list of ids a condition names, with the field it came from. */
export type Referenced = { field: string; kind: "user" | "group"; ids: readonly string[] };

/**
 * Conditions may only name users and groups that exist: E0000001 with one cause per field naming
 * the unknown ids ("conditions.people.groups.include: Unknown group id: 00g..."); the summary names
 * the first such field. One query per kind, whatever the number of fields.
 */
export async function checkPeopleReferences(tx: DbTx, lists: readonly Referenced[]): Promise<void> {
  const wanted = (kind: Referenced["kind"]) => [...new Set(lists.filter((list) => list.kind === kind).flatMap((list) => list.ids))];
  const userIds = wanted("user");
  const groupIds = wanted("group");
  const [users, groups] = await Promise.all([
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true } }) : [],
    groupIds.length ? tx.group.findMany({ where: { id: { in: groupIds } }, select: { id: true } }) : [],
  ]);
  const known = new Set([...users, ...groups].map((row) => row.id));
  const problems = lists.flatMap(({ field, kind, ids }) => {
    const unknown = ids.filter((id) => !known.has(id));
    return unknown.length ? [[field, `${field}: Unknown ${kind} id${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}.`] as const] : [];
  });
  if (problems.length > 0) throw validationError(problems[0]![0], problems.map(([, cause]) => cause));
}
