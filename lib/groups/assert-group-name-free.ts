import type { Db, DbTx } from "../db/create-db-client";
import { validationError } from "../okta-api/admin-api-error";

/** E0000001 on name: group names are unique in the org, compared without regard to case. */
export function duplicateGroupNameError(name: string) {
  return validationError("name", [`name: An object with this field already exists in the current organization (a group named '${name}', ignoring case).`]);
}

export async function assertGroupNameFree(db: Db | DbTx, name: string, exceptId: string | null): Promise<void> {
  const existing = await db.group.findUnique({ where: { nameLower: name.toLowerCase() }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw duplicateGroupNameError(name);
}
